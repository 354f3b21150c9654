-- Timers move from one Quartz trigger each to a table of their own (issue 5's benchmark); Quartz stays, and fires one
-- repeating sweep job that claims due rows (dev.warroom.timer.TimerSweepJob). Quartz's clustered store takes one
-- cluster-wide lock row for every trigger stored, fired and completed, and a timer set in a command's transaction held
-- that lock until the command committed: about 70 firings a second for the whole cluster. Here setting a timer locks
-- only its own row, and sweeps on every instance claim due rows with FOR UPDATE SKIP LOCKED.
create table timer (
    kind          varchar(40)  not null,
    subject       varchar(200) not null,
    -- When the timer is due: with kind and subject, the identity of a firing (timer_firing).
    due           timestamptz  not null,
    -- When it is next tried: the due time, or later after a failed firing (backoff).
    run_at        timestamptz  not null,
    -- An instance that claimed the timer fires it before then; after, any instance may (it crashed or stopped).
    claimed_until timestamptz,
    attempts      integer      not null default 0,
    last_error    text,
    -- Failed too often: kept, with its error, for someone to look at; never tried again by itself.
    gave_up_at    timestamptz,
    primary key (kind, subject)
);

create index timer_runnable on timer (run_at) where gave_up_at is null;

-- Timers waiting in Quartz carry over: kind and subject are the trigger's group and name, the due time is in its job
-- data (java.util.Properties text, ':' escaped), or else its next fire time.
insert into timer (kind, subject, due, run_at)
select t.trigger_group, t.trigger_name, d.due, d.due
from qrtz_triggers t
cross join lateral (
    select coalesce(
        replace(substring(convert_from(t.job_data, 'LATIN1') from '(?:^|\n)due=([^\r\n]+)'), '\:', ':')::timestamptz,
        to_timestamp(t.next_fire_time / 1000.0)) as due
) d
join qrtz_job_details j on j.sched_name = t.sched_name and j.job_name = t.job_name and j.job_group = t.job_group
where j.job_class_name = 'dev.warroom.timer.TimerJob'
  and d.due is not null
on conflict (kind, subject) do nothing;

-- Their triggers and jobs go: the job class is gone, and the sweep fires them from the table now.
delete from qrtz_fired_triggers f using qrtz_job_details j
where j.sched_name = f.sched_name and j.job_name = f.job_name and j.job_group = f.job_group
  and j.job_class_name = 'dev.warroom.timer.TimerJob';
delete from qrtz_simple_triggers s using qrtz_triggers t, qrtz_job_details j
where s.sched_name = t.sched_name and s.trigger_name = t.trigger_name and s.trigger_group = t.trigger_group
  and j.sched_name = t.sched_name and j.job_name = t.job_name and j.job_group = t.job_group
  and j.job_class_name = 'dev.warroom.timer.TimerJob';
delete from qrtz_triggers t using qrtz_job_details j
where j.sched_name = t.sched_name and j.job_name = t.job_name and j.job_group = t.job_group
  and j.job_class_name = 'dev.warroom.timer.TimerJob';
delete from qrtz_job_details where job_class_name = 'dev.warroom.timer.TimerJob';
