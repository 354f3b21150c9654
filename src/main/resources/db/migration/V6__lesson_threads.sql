-- Lessons from the lessons-learned thread (issue 6): which prompt a lesson answers, and the chat message it came
-- from, so an edit or deletion of that message in Slack or Teams changes or removes the lesson.
alter table lesson add column prompt      integer;      -- 1-based index into the plan's lessons.prompts; null: not tied to one
alter table lesson add column source_ref  varchar(300); -- the thread reply's id on its platform (e.g. slack:C1:1700000000.0001)
alter table lesson add column edited_at   timestamptz;
alter table lesson add column deleted_at  timestamptz;  -- kept, not removed: nothing a user did is ever lost
create unique index lesson_source on lesson (incident_id, source_ref) where source_ref is not null;
