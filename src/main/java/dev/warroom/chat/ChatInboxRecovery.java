package dev.warroom.chat;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;

/**
 * Runs again the work of acknowledged chat requests that was never finished: its instance was killed, lost its
 * database, or stopped before its queue was empty. Each instance vouches for the work it holds at every scan, so work
 * nobody vouched for in a minute has nobody on it. Running a command twice is harmless (the core ignores a request id
 * it has handled) but under load it is work the busy instances cannot spare.
 */
@ApplicationScoped
public class ChatInboxRecovery {

    private static final Logger LOG = Logger.getLogger(ChatInboxRecovery.class);
    static final Duration LEFT_AFTER = Duration.ofMinutes(1);
    private static final int BATCH = 100;

    @Inject
    ChatInbox inbox;
    @Inject
    AcknowledgedWork work;
    @Inject
    Clock clock;

    @Scheduled(every = "${warroom.chat.inbox-scan-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            executeWith = Scheduled.SIMPLE)
    void onSchedule() {
        runLeftWork();
    }

    /**
     * Vouches for the work this instance holds, then queues the work nobody vouched for in a minute or more; returns
     * how much was queued. Scans come every 15 s, so an instance vouches for its work several times a minute: work
     * that waits long in a busy instance's queue is not run a second time by another.
     */
    public int runLeftWork() {
        work.readBackIfRoom();
        inbox.vouchFor(work.held());
        int queued = 0;
        for (ChatInbox.Stored stored : inbox.takeLeftBefore(clock.instant().minus(LEFT_AFTER), BATCH)) {
            try {
                work.runAgain(stored);
                queued++;
            } catch (WorkRefused busyOrStopping) {
                break; // the rest stay stored, stamped now: the next scans take them
            }
        }
        if (queued > 0) {
            LOG.warnf("%d acknowledged chat requests were left unfinished (an instance stopped?); running them again",
                    queued);
        }
        return queued;
    }
}
