package dev.warroom.support;

import dev.warroom.timer.TimerRunner;
import dev.warroom.timer.Timers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Moves the test clock and fires what fell due, as Quartz's sweep would at that moment; reads timers as stored. */
@ApplicationScoped
public class TimerClock {

    @Inject
    TestClock clock;
    @Inject
    TimerRunner runner;
    @Inject
    Timers timers;

    /** Advances the clock and fires every timer due by then; returns how many fired. */
    public int advance(Duration duration) {
        clock.advance(duration);
        return runner.fireDue();
    }

    /** Sets the clock to {@code at} and fires every timer due by then. */
    public int at(Instant at) {
        clock.set(at);
        return runner.fireDue();
    }

    /** When the timer of this kind about this subject is next tried (its due time, or a retry's). */
    public Optional<Instant> nextFire(String kind, String subject) {
        return QuarkusTransaction.requiringNew().call(() -> timers.nextFireTime(kind, subject));
    }
}
