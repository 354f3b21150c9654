package dev.warroom.notify;

import java.time.Instant;

/** One try to deliver an outbox message, told to whoever measures delivery (the metrics). */
public record DeliveryAttempted(String platform, Outcome outcome, Instant messageCreatedAt, Instant attemptedAt) {

    public enum Outcome {
        /** The platform took it. */
        SENT,
        /** The platform asked to wait (429, {@code Retry-After}); tried again then. */
        RATE_LIMITED,
        /** It failed (5xx, unreachable); tried again after a backoff. */
        RETRY,
        /** Refused for good, or failed too often: not tried again. */
        GIVEN_UP
    }
}
