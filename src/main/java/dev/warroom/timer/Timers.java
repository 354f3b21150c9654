package dev.warroom.timer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The timers port: one Quartz trigger per kind and subject, stored in the caller's transaction (the {@code jdbc-cmt}
 * job store joins it), so a timer is set or cleared together with the change that causes it.
 */
@ApplicationScoped
public class Timers {

    static final String KIND = "kind";
    static final String SUBJECT = "subject";
    static final String DUE = "due";

    @Inject
    Scheduler scheduler;

    /** Sets the timer of this kind and subject to fire at {@code due}, replacing any earlier one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void schedule(String kind, String subject, Instant due) {
        JobDetail job = JobBuilder.newJob(TimerJob.class)
                .withIdentity(jobKey(kind, subject))
                // Run again after a crash mid-firing; the firing record makes the second run a no-op if the first committed.
                .requestRecovery(true)
                .build();
        JobDataMap data = new JobDataMap();
        data.put(KIND, kind);
        data.put(SUBJECT, subject);
        data.put(DUE, due.toString());
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(triggerKey(kind, subject))
                .usingJobData(data)
                .startAt(Date.from(due))
                // After downtime a missed timer fires once, at once; repeating timers schedule their next one themselves.
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        call(() -> {
            scheduler.scheduleJob(job, Set.of(trigger), true);
            return null;
        });
    }

    /** Clears the timer of this kind and subject, if there is one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancel(String kind, String subject) {
        call(() -> scheduler.deleteJob(jobKey(kind, subject)));
    }

    /** The timer of this kind and subject, if one is waiting. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PendingTimer> pending(String kind, String subject) {
        return call(() -> Optional.ofNullable(scheduler.getTrigger(triggerKey(kind, subject)))
                .filter(t -> t.getNextFireTime() != null).map(Timers::pendingOf));
    }

    /** The timer as stored, also while it is firing (Quartz keeps a fired one-off trigger until the job is done). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PendingTimer> stored(String kind, String subject) {
        return call(() -> Optional.ofNullable(scheduler.getTrigger(triggerKey(kind, subject))).map(Timers::pendingOf));
    }

    /** Every timer waiting about this subject, soonest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<PendingTimer> pendingAbout(String subject, List<String> kinds) {
        List<PendingTimer> pending = new ArrayList<>();
        for (String kind : kinds) {
            pending(kind, subject).ifPresent(pending::add);
        }
        pending.sort(Comparator.comparing(PendingTimer::due));
        return pending;
    }

    /** Every waiting timer of one kind. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<PendingTimer> pendingOfKind(String kind) {
        return call(() -> {
            List<PendingTimer> pending = new ArrayList<>();
            for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(kind))) {
                pending(kind, key.getName()).ifPresent(pending::add);
            }
            return pending;
        });
    }

    /** Every timer whose due time is at or before {@code now}, soonest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<PendingTimer> dueBy(Instant now) {
        return call(() -> {
            List<PendingTimer> due = new ArrayList<>();
            for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.anyTriggerGroup())) {
                Trigger trigger = scheduler.getTrigger(key);
                if (trigger != null && trigger.getNextFireTime() != null && trigger.getJobDataMap().containsKey(DUE)) {
                    PendingTimer timer = pendingOf(trigger);
                    if (!timer.due().isAfter(now)) {
                        due.add(timer);
                    }
                }
            }
            due.sort(Comparator.comparing(PendingTimer::due));
            return due;
        });
    }

    /** Quartz's own next fire time of a timer's trigger: tests compare it with the injected clock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Instant> nextFireTime(String kind, String subject) {
        return call(() -> Optional.ofNullable(scheduler.getTrigger(triggerKey(kind, subject)))
                .map(Trigger::getNextFireTime).map(Date::toInstant));
    }

    static PendingTimer pendingOf(Trigger trigger) {
        JobDataMap data = trigger.getJobDataMap();
        return new PendingTimer(data.getString(KIND), data.getString(SUBJECT), Instant.parse(data.getString(DUE)));
    }

    static JobKey jobKey(String kind, String subject) {
        return JobKey.jobKey(subject, kind);
    }

    static TriggerKey triggerKey(String kind, String subject) {
        return TriggerKey.triggerKey(subject, kind);
    }

    private interface QuartzCall<T> {
        T call() throws SchedulerException;
    }

    private static <T> T call(QuartzCall<T> call) {
        try {
            return call.call();
        } catch (SchedulerException e) {
            throw new IllegalStateException("The timer store failed: " + e.getMessage(), e);
        }
    }
}
