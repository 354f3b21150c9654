package dev.warroom.timer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Fires every timer due by the app's clock, on the caller's thread, through the same claim and firing as the
 * {@link TimerPoller}: what a test does instead of waiting (tests run on a test clock, with no poller).
 */
@ApplicationScoped
public class TimerRunner {

    private static final int MAX_ROUNDS = 100;
    private static final int BATCH = 500;

    @Inject
    Timers timers;
    @Inject
    TimerFiring firing;
    @Inject
    Clock clock;

    /** Fires what is due now, then what those firings set that is due now too; returns how many fired. */
    public int fireDue() {
        int fired = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Instant now = clock.instant();
            List<PendingTimer> due = QuarkusTransaction.requiringNew().call(
                    () -> timers.claimDue(now, BATCH, now.plus(TimerPoller.CLAIM_FOR)));
            if (due.isEmpty()) {
                return fired;
            }
            for (PendingTimer timer : due) {
                if (firing.fire(timer.kind(), timer.subject(), timer.due())) {
                    fired++;
                }
            }
        }
        throw new IllegalStateException("Timers keep falling due after " + MAX_ROUNDS + " rounds");
    }
}
