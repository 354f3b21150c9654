package dev.warroom.notify;

import java.time.Instant;

/**
 * Which try of which outbox message a delivery is. A platform without an idempotency key needs it: a retry after an
 * answer that never came may find the first try was delivered after all.
 */
public record DeliveryAttempt(long outboxId, int number, Instant queuedAt) {

    public boolean isRetry() {
        return number > 1;
    }
}
