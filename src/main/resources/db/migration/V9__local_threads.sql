-- The local chat's threads (issue 6: the lessons-learned thread): a reply names its thread's first message, and
-- people may edit or delete what they wrote. A deleted message keeps its row (a lesson from it is kept too).
alter table local_message add column parent_id  bigint references local_message (id);
alter table local_message add column edited_at  timestamptz;
alter table local_message add column deleted_at timestamptz;
create index local_message_parent on local_message (parent_id) where parent_id is not null;
