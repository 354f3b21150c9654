-- Timers move from Quartz's JDBC store to a table of their own (issue 5's benchmark). Quartz takes one cluster-wide
-- lock row for every trigger stored, fired and completed, and a timer set in a command's transaction held that lock
-- until the command committed: about 70 firings a second for the whole cluster. Here setting a timer locks only its
-- own row, and every instance claims due rows with FOR UPDATE SKIP LOCKED.
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

drop table qrtz_fired_triggers, qrtz_paused_trigger_grps, qrtz_scheduler_state, qrtz_locks, qrtz_simple_triggers,
    qrtz_cron_triggers, qrtz_simprop_triggers, qrtz_blob_triggers, qrtz_triggers, qrtz_job_details, qrtz_calendars;
