package dev.warroom.notify;

import dev.warroom.command.Message;

/** A chat platform's way of delivering outbox messages; each adapter provides one. */
public interface MessageDeliverer {

    /** Delivers one message; throws to have it retried later. Runs inside the outbox's transaction. */
    void deliver(Destination destination, Message message, Long incidentId) throws Exception;
}
