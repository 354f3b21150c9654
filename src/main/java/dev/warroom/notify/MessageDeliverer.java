package dev.warroom.notify;

import dev.warroom.command.Message;
import dev.warroom.plan.Plan;

import java.util.Optional;

/**
 * One chat platform's way of delivering outbox messages; each adapter provides one. Failures are
 * thrown: {@link DeliveryDeferred} to wait as the platform asks, {@link DeliveryRejected} to give up,
 * anything else to retry with backoff.
 */
public interface MessageDeliverer {

    /** The platform's name as stored with incidents and outbox rows ({@code local}, {@code slack}, {@code teams}). */
    String platform();

    /** False when the platform is not configured; its messages then wait. */
    boolean enabled();

    /** The plan contact that reaches a person on this platform; empty if anyone can be reached (the local chat). */
    Optional<Plan.Contact.Kind> contactKind();

    void open(ChannelOpening opening, Long incidentId) throws Exception;

    void deliver(Destination destination, Message message, Long incidentId) throws Exception;

    /** As {@link #deliver(Destination, Message, Long)}; a platform that can tell a retry's double overrides it. */
    default void deliver(Destination destination, Message message, Long incidentId, DeliveryAttempt attempt) throws Exception {
        deliver(destination, message, incidentId);
    }
}
