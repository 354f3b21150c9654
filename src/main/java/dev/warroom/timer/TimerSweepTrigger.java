package dev.warroom.timer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.DurationConverter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

import java.util.Set;

/**
 * Stores the sweep job and its repeating trigger in Quartz's clustered store at start, unless they are there as
 * configured. Stored once for the cluster: whichever instance's Quartz takes the trigger runs the sweep, and when an
 * instance dies Quartz's cluster recovery hands its trigger to another.
 */
@ApplicationScoped
public class TimerSweepTrigger {

    static final JobKey JOB = JobKey.jobKey("sweep", "warroom-timers");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("sweep", "warroom-timers");
    private static final Logger LOG = Logger.getLogger(TimerSweepTrigger.class);

    @Inject
    Scheduler scheduler;
    @ConfigProperty(name = "warroom.timers.sweep-every")
    String sweepEvery;

    void store(@Observes StartupEvent started) throws SchedulerException {
        long every = DurationConverter.parseDuration(sweepEvery).toMillis();
        boolean stored = QuarkusTransaction.requiringNew().call(() -> {
            Trigger trigger = scheduler.getTrigger(TRIGGER);
            if (trigger instanceof SimpleTrigger simple && simple.getRepeatInterval() == every) {
                return false;
            }
            JobDetail job = JobBuilder.newJob(TimerSweepJob.class).withIdentity(JOB).storeDurably().build();
            // Two instances starting at once both store it: replacing makes the second a no-op, not an error.
            scheduler.scheduleJob(job, Set.of(TriggerBuilder.newTrigger().withIdentity(TRIGGER).forJob(JOB)
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(every).repeatForever()
                            // Sweeps missed while every instance was down or busy are not made up: the next one fires everything due.
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build()), true);
            return true;
        });
        if (stored) {
            LOG.infof("Timer sweep stored in Quartz: every %d ms", every);
        }
    }
}
