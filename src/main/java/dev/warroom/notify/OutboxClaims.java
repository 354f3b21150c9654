package dev.warroom.notify;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Marks of claimed outbox messages, each committed on its own before the messages are sent. The delivering
 * transaction removes the marks of the messages it tried, so a mark that outlives its claim means the messages may
 * have reached the platform in a transaction that never committed.
 */
@ApplicationScoped
class OutboxClaims {

    @Inject
    EntityManager entityManager;
    @Inject
    Clock clock;

    /** Marks the messages claimed and returns those an earlier claim marked and never finished. */
    Set<Long> claim(Collection<Long> ids) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> unfinished = entityManager.createNativeQuery(
                    "select outbox_id from outbox_claim where outbox_id = any(cast(?1 as bigint[]))")
                    .setParameter(1, ids.toArray(Long[]::new)).getResultList();
            entityManager.createNativeQuery("insert into outbox_claim (outbox_id, claimed_at) "
                            + "select unnest(cast(?1 as bigint[])), ?2 on conflict (outbox_id) do nothing")
                    .setParameter(1, ids.toArray(Long[]::new)).setParameter(2, clock.instant()).executeUpdate();
            Set<Long> found = new HashSet<>();
            unfinished.forEach(id -> found.add(id.longValue()));
            return found;
        });
    }

    /** In the delivering transaction: these were tried, their outcome is in their rows. */
    void finished(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            entityManager.createNativeQuery("delete from outbox_claim where outbox_id = any(cast(?1 as bigint[]))")
                    .setParameter(1, ids.toArray(Long[]::new)).executeUpdate();
        }
    }
}
