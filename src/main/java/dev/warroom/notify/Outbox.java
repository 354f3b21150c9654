package dev.warroom.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warroom.command.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;

/**
 * Queues messages in the caller's transaction, each for one platform; {@link OutboxDispatcher}
 * delivers them after commit.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    Clock clock;
    @Inject
    ObjectMapper json;
    @Inject
    PlatformRouter router;

    /** A message for a destination on the given platform (a channel lives on one platform). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void post(String platform, Destination destination, Message message, Long incidentId) {
        persist(platform, OutboxMessage.Kind.MESSAGE, destination, toJson(message), incidentId);
    }

    /** A message for a person or stakeholder, on the platform that reaches them, preferring {@code platform}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tell(String platform, Destination destination, Message message, Long incidentId) {
        post(router.platformFor(destination, platform), destination, message, incidentId);
    }

    /**
     * Pages a person or stakeholder by every contact method Warroom can use: a chat message as {@link #tell}
     * sends it, and an email when the plans give them an address (it waits while email is not configured).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void page(String platform, Destination destination, Message message, Long incidentId) {
        tell(platform, destination, message, incidentId);
        if (router.emailOf(destination).isPresent()) {
            post(PlatformRouter.EMAIL, destination, message, incidentId);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void open(String platform, ChannelOpening opening, Long incidentId) {
        persist(platform, OutboxMessage.Kind.OPEN_CHANNEL, Destination.channel(opening.name()), toJson(opening), incidentId);
    }

    private void persist(String platform, OutboxMessage.Kind kind, Destination destination, String body, Long incidentId) {
        OutboxMessage row = new OutboxMessage();
        row.createdAt = clock.instant();
        row.nextAttemptAt = row.createdAt;
        row.incidentId = incidentId;
        row.platform = platform;
        row.kind = kind;
        row.destinationKind = destination.kind();
        row.destination = destination.name();
        row.body = body;
        row.status = OutboxMessage.Status.PENDING;
        row.persist();
    }

    <T> T read(OutboxMessage row, Class<T> type) {
        try {
            return json.readValue(row.body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Outbox message " + row.id + " is not readable", e);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Outbox body cannot be written as JSON", e);
        }
    }
}
