package dev.warroom.ops;

import dev.warroom.chat.AcknowledgedWork;
import dev.warroom.notify.OutboxWorkers;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import java.time.Duration;
import java.util.Optional;

/**
 * The order in which Warroom stops its own work, after Quarkus has stopped taking HTTP requests and before the
 * database goes (the embedded one waits until Quarkus has stopped, see {@code AppStoppedSignal}): first the
 * work behind acknowledged Slack and Teams requests (it is only in memory), then the outbox workers' current
 * batches, then Quartz's running timers. Together they get {@code WARROOM_SHUTDOWN_TIMEOUT}; what is left then
 * stays in the database (outbox rows, timers) for another replica or the restart, except unfinished chat work,
 * which is logged.
 */
@ApplicationScoped
public class GracefulShutdown {

    private static final Logger LOG = Logger.getLogger(GracefulShutdown.class);
    private static final Duration LOOK_EVERY = Duration.ofMillis(50);

    @Inject
    AcknowledgedWork chatWork;
    @Inject
    OutboxWorkers outboxWorkers;
    @Inject
    Scheduler quartz;
    @ConfigProperty(name = "quarkus.shutdown.timeout")
    Optional<Duration> timeout;

    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.orElse(Duration.ofSeconds(25)).toNanos();
        boolean chatDone = chatWork.finish(left(deadline));
        boolean outboxDone = outboxWorkers.finish(left(deadline));
        boolean timersDone = stopTimers(deadline);
        LOG.infof("Shutdown: acknowledged chat work %s, outbox workers %s, running timers %s",
                done(chatDone), done(outboxDone), done(timersDone));
    }

    /** No new timers fire here (other replicas take them); the ones running may finish, as long as time is left. */
    private boolean stopTimers(long deadline) throws InterruptedException {
        try {
            if (quartz.isShutdown()) {
                return true;
            }
            quartz.standby();
            while (!quartz.getCurrentlyExecutingJobs().isEmpty()) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(LOOK_EVERY.toMillis());
            }
            return true;
        } catch (SchedulerException e) {
            LOG.warnf("Shutdown: could not stop the timer scheduler: %s", e.getMessage());
            return false;
        }
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    private static String done(boolean done) {
        return done ? "done" : "NOT done before WARROOM_SHUTDOWN_TIMEOUT";
    }
}
