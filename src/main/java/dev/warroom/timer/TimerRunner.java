package dev.warroom.timer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;

/**
 * Fires every timer due by the app's clock, on the caller's thread, through the same body as Quartz's thread: what a
 * test does instead of waiting, since Quartz reads the system clock and tests run with a halted scheduler.
 */
@ApplicationScoped
public class TimerRunner {

    private static final int MAX_ROUNDS = 100;

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
            List<PendingTimer> due = QuarkusTransaction.requiringNew().call(() -> timers.dueBy(clock.instant()));
            if (due.isEmpty()) {
                return fired;
            }
            for (PendingTimer timer : due) {
                if (firing.fire(timer.kind(), timer.subject(), timer.due())) {
                    fired++;
                }
                removeFired(timer);
            }
        }
        throw new IllegalStateException("Timers keep falling due after " + MAX_ROUNDS + " rounds");
    }

    /** As Quartz removes a one-off trigger after it fired, unless the firing set the timer again. */
    private void removeFired(PendingTimer timer) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (timers.pending(timer.kind(), timer.subject()).map(p -> p.due().equals(timer.due())).orElse(false)) {
                timers.cancel(timer.kind(), timer.subject());
            }
        });
    }
}
