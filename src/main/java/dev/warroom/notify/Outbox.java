package dev.warroom.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warroom.command.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;

/** Queues messages in the caller's transaction; {@link OutboxDispatcher} delivers them after commit. */
@ApplicationScoped
public class Outbox {

    @Inject
    Clock clock;
    @Inject
    ObjectMapper json;

    @Transactional(Transactional.TxType.MANDATORY)
    public void post(Destination destination, Message message, Long incidentId) {
        OutboxMessage row = new OutboxMessage();
        row.createdAt = clock.instant();
        row.nextAttemptAt = row.createdAt;
        row.incidentId = incidentId;
        row.destinationKind = destination.kind();
        row.destination = destination.name();
        row.body = toJson(message);
        row.status = OutboxMessage.Status.PENDING;
        row.persist();
    }

    Message read(OutboxMessage row) {
        try {
            return json.readValue(row.body, Message.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Outbox message " + row.id + " is not readable", e);
        }
    }

    private String toJson(Message message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Message cannot be written as JSON", e);
        }
    }
}
