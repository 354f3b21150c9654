package dev.warroom.notify;

import java.time.Duration;

/**
 * How soon an outbox worker may look for messages again after a look that found nothing: 50 ms after a round in
 * which it claimed messages, and twice as long after each round that found nothing, up to a second.
 *
 * <p>Why: while a busy channel drains, every commit asks for delivery, and the idle workers' looks all find the
 * channel held by another worker. At a look every 50 ms, three idle workers made most of the database's work in the
 * Slack ack benchmark (bench/README, round 8). A message for another destination still waits at most a second, and
 * less whenever the busy worker ends a batch: it takes the oldest due message of any destination next.
 */
final class IdleLookPacing {

    static final Duration SHORTEST = Duration.ofMillis(50);
    static final Duration LONGEST = Duration.ofSeconds(1);

    private long gapNanos = SHORTEST.toNanos();

    /** After a round of looks ended at {@code nanoTime}: the {@link System#nanoTime()} before which not to look. */
    long lookNotBefore(long nanoTime, boolean claimed) {
        gapNanos = claimed ? SHORTEST.toNanos() : Math.min(gapNanos * 2, LONGEST.toNanos());
        return nanoTime + gapNanos;
    }
}
