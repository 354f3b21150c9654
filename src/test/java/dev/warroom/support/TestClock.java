package dev.warroom.support;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The app's clock in tests: stands still until a test moves it (or, for a benchmark, runs with the system clock). */
@ApplicationScoped
public class TestClock extends Clock {

    public static final Instant START = Instant.parse("2026-11-25T09:00:00Z");

    private volatile Instant now = START;
    private volatile Clock running;

    public void set(Instant instant) {
        running = null;
        now = instant;
    }

    /** Runs with the system clock until the next {@link #set}: for benchmarks of real time (TimerBench). */
    public void runWithSystemClock() {
        running = Clock.systemUTC();
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        Clock system = running;
        return system != null ? system.instant() : now;
    }
}
