package dev.warroom.notify;

import java.time.Instant;

/**
 * Which outbox message a delivery is, and whether an earlier try may have delivered it already: a retry after an
 * answer that never came, or a try in a transaction that never committed (a crash). A platform without an
 * idempotency key looks before sending again.
 */
public record DeliveryAttempt(long outboxId, Instant queuedAt, boolean mayHaveArrived) {
}
