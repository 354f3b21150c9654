package dev.warroom.timer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Fires every timer due by the app's clock, on the caller's thread, through the same sweep as Quartz's threads: what a
 * test does instead of waiting, since Quartz reads the system clock and tests run with a halted scheduler.
 */
@ApplicationScoped
public class TimerRunner {

    private static final int MAX_BATCHES = 1000;

    @Inject
    TimerSweep sweep;

    /** Fires what is due now, then what those firings set that is due now too; returns how many fired. */
    public int fireDue() {
        TimerSweep.Result result = sweep.run(MAX_BATCHES);
        if (result.more()) {
            throw new IllegalStateException("Timers keep falling due after " + MAX_BATCHES + " batches");
        }
        return result.fired();
    }
}
