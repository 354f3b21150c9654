package dev.warroom.timer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The one Quartz job of Warroom: a {@link TimerSweep}. Concurrent runs are wanted (no
 * {@code @DisallowConcurrentExecution}): while one sweep works through a backlog, the next firings of its trigger start
 * more on free Quartz threads of any instance, each claiming other timers.
 */
@ApplicationScoped
public class TimerSweepJob implements Job {

    /** Batches one run works through at most (10,000 timers) before leaving the rest to the next runs. */
    static final int MAX_BATCHES = 500;
    private static final Logger LOG = Logger.getLogger(TimerSweepJob.class);

    @Inject
    TimerSweep sweep;

    @Override
    public void execute(JobExecutionContext context) {
        try {
            sweep.run(MAX_BATCHES);
        } catch (RuntimeException e) {
            // Claiming failed (the database is away): nothing was taken, the trigger's next run tries again.
            LOG.errorf(e, "Sweeping due timers failed; tried again at the next sweep");
        }
    }
}
