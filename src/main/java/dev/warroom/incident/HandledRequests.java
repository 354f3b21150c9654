package dev.warroom.incident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;

/** The platform requests already handled, so a request a platform sends again (a retry) acts once. */
@ApplicationScoped
public class HandledRequests {

    @Inject
    EntityManager entityManager;
    @Inject
    Clock clock;

    /** Marks a request as handled, in the caller's transaction; false when it was handled before. Null ids: never. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claim(String requestId) {
        if (requestId == null) {
            return true;
        }
        return entityManager.createNativeQuery(
                        "insert into handled_request (request_id, handled_at) values (?1, ?2) on conflict do nothing")
                .setParameter(1, requestId)
                .setParameter(2, clock.instant())
                .executeUpdate() == 1;
    }
}
