package dev.warroom.timer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

import java.time.Instant;

/** The one Quartz job of Warroom: hands each fired trigger's kind, subject and due time to {@link TimerFiring}. */
@ApplicationScoped
public class TimerJob implements Job {

    @Inject
    TimerFiring firing;

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        JobDataMap data = context.getMergedJobDataMap();
        try {
            firing.fire(data.getString(Timers.KIND), data.getString(Timers.SUBJECT), Instant.parse(data.getString(Timers.DUE)));
        } catch (RuntimeException e) {
            // Logged by Quartz; the trigger is done either way: a failed firing is not retried in a loop.
            throw new JobExecutionException(e, false);
        }
    }
}
