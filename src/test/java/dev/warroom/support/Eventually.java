package dev.warroom.support;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Waits for what the app does on threads of its own: checks every 20 ms, for up to 15 s. */
public final class Eventually {

    private static final Duration LIMIT = Duration.ofSeconds(15);
    private static final Duration CHECK_EVERY = Duration.ofMillis(20);

    private Eventually() {
    }

    public static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(LIMIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("not within " + LIMIT.toSeconds() + " s: " + what);
            }
            LockSupport.parkNanos(CHECK_EVERY.toNanos());
        }
    }
}
