package dev.warroom.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The stored work of acknowledged chat requests ({@code chat_inbox}), each change in a transaction of its own. */
@ApplicationScoped
public class ChatInbox {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() { };
    private static final int VOUCH_BATCH = 500;

    @Inject
    EntityManager entityManager;
    @Inject
    Clock clock;

    /** A stored piece of work and its row. */
    public record Stored(long id, InboxWork work) {
    }

    long store(InboxWork work) {
        String payload = write(work.fields());
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "insert into chat_inbox (kind, payload, received_at) values (?1, ?2, ?3) returning id")
                .setParameter(1, work.kind()).setParameter(2, payload).setParameter(3, clock.instant())
                .getSingleResult()).longValue());
    }

    /**
     * Stamps work this instance holds (queued or running) as received now, so that no other instance takes it for
     * left work while it merely waits in a long queue.
     */
    void vouchFor(Collection<Long> held) {
        List<Long> ids = List.copyOf(held);
        for (int from = 0; from < ids.size(); from += VOUCH_BATCH) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + VOUCH_BATCH));
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                            "update chat_inbox set received_at = greatest(received_at, ?1) where id in (?2)")
                    .setParameter(1, clock.instant()).setParameter(2, batch).executeUpdate());
        }
    }

    void done(long id) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("delete from chat_inbox where id = ?1")
                .setParameter(1, id).executeUpdate());
    }

    /**
     * Work received before {@code before} and still stored: its instance died, or it waits far longer than work ever
     * should. Each row taken is stamped now, so another instance's scan leaves it alone while it runs here.
     */
    @SuppressWarnings("unchecked")
    List<Stored> takeLeftBefore(Instant before, int limit) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "update chat_inbox set received_at = ?1 where id in (select id from chat_inbox where received_at < ?2"
                                + " order by id limit ?3 for update skip locked) returning id, kind, payload")
                .setParameter(1, clock.instant()).setParameter(2, before).setParameter(3, limit).getResultList());
        List<Stored> stored = new ArrayList<>();
        for (Object[] row : rows) {
            stored.add(new Stored(((Number) row[0]).longValue(), new InboxWork((String) row[1], read((String) row[2]))));
        }
        stored.sort((a, b) -> Long.compare(a.id(), b.id()));
        return stored;
    }

    private static String write(Map<String, String> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chat work fields could not be written", e);
        }
    }

    private static Map<String, String> read(String payload) {
        try {
            return JSON.readValue(payload, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored chat work could not be read: " + e.getOriginalMessage(), e);
        }
    }
}
