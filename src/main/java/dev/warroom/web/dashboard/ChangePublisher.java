package dev.warroom.web.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warroom.incident.IncidentEventRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells every Warroom instance on the database that an incident changed, with a PostgreSQL NOTIFY issued in the
 * transaction of the change: PostgreSQL delivers it only when that transaction commits, and never for a rollback.
 */
@ApplicationScoped
public class ChangePublisher {

    @Inject
    EntityManager entityManager;
    @Inject
    TransactionSynchronizationRegistry transaction;
    @Inject
    ObjectMapper json;

    /** In the transaction (not after it): the notice must commit or roll back with the change. */
    void recorded(@Observes IncidentEventRecorded event) {
        if (!noticedInThisTransaction().add(event.incidentKey())) {
            return; // a command writes several timeline events; one notice per incident and transaction is enough
        }
        String payload = new ChangeNotice(event.incidentKey()).payload(json);
        // Straight on the transaction's connection: a Hibernate native query would flush the session first.
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
                notify.setString(1, ChangeNotice.CHANNEL);
                notify.setString(2, payload);
                notify.execute();
            }
        });
    }

    @SuppressWarnings("unchecked")
    private Set<String> noticedInThisTransaction() {
        Set<String> keys = (Set<String>) transaction.getResource(ChangePublisher.class);
        if (keys == null) {
            keys = new HashSet<>();
            transaction.putResource(ChangePublisher.class, keys);
        }
        return keys;
    }
}
