package dev.warroom.timer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One sweep of the due timers, whoever runs it (a Quartz thread of any instance through {@link TimerSweepJob}, or
 * {@link TimerRunner} in tests): claims a small batch of due timers, fires them one by one, and claims again until
 * none is due. Sweeps running at once, on other threads or instances, claim other rows.
 */
@ApplicationScoped
public class TimerSweep {

    /** How long a claim keeps other sweeps off a timer: after it, the timers of a sweep that died are fired by others. */
    static final Duration CLAIM_FOR = Duration.ofMinutes(1);
    /**
     * Timers claimed at a time. Small, so that one sweep does not hold timers that sweeps started meanwhile (every
     * sweep-every, on free threads of any instance) could already fire.
     */
    static final int BATCH = 20;
    private static final Logger LOG = Logger.getLogger(TimerSweep.class);

    @Inject
    Timers timers;
    @Inject
    TimerFiring firing;
    @Inject
    Clock clock;

    private volatile boolean stopping;

    /** What a sweep did: timers fired, and whether due ones remained when it reached its batch limit. */
    public record Result(int fired, boolean more) {}

    /** Fires what is due now, then what fell due meanwhile (firings may set timers due at once), up to {@code maxBatches}. */
    public Result run(int maxBatches) {
        int fired = 0;
        for (int batch = 0; batch < maxBatches; batch++) {
            List<PendingTimer> claimed = claim();
            for (int i = 0; i < claimed.size(); i++) {
                if (stopping) {
                    handBack(claimed.subList(i, claimed.size()));
                    return new Result(fired, true);
                }
                PendingTimer timer = claimed.get(i);
                if (firing.fire(timer.kind(), timer.subject(), timer.due())) {
                    fired++;
                }
            }
            if (claimed.size() < BATCH) {
                return new Result(fired, false);
            }
        }
        return new Result(fired, true);
    }

    private List<PendingTimer> claim() {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> timers.claimDue(now, BATCH, now.plus(CLAIM_FOR)));
    }

    /** Claimed but not fired as the instance stops: other instances fire them now, not when the claim runs out. */
    private void handBack(List<PendingTimer> unfired) {
        try {
            QuarkusTransaction.requiringNew().run(() -> timers.release(unfired));
        } catch (RuntimeException e) {
            LOG.warnf(e, "%d claimed timers could not be handed back; their claims run out in %s", unfired.size(), CLAIM_FOR);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }
}
