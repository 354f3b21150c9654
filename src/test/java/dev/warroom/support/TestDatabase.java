package dev.warroom.support;

import io.quarkus.test.common.QuarkusTestResource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Empties every table between tests so each scenario starts from nothing. */
@ApplicationScoped
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
@QuarkusTestResource(SlackApiStandIn.class)
@QuarkusTestResource(TeamsStandIn.class)
@QuarkusTestResource(SmtpServerStandIn.class)
public class TestDatabase {

    @Inject
    EntityManager entityManager;

    /** Every table of the app's own (Flyway's history and Quartz's tables, with its sweep trigger, stay: they belong to the frameworks). */
    @Transactional
    public void reset() {
        @SuppressWarnings("unchecked")
        java.util.List<String> tables = entityManager.createNativeQuery("select tablename from pg_tables where schemaname = "
                + "current_schema() and tablename <> 'flyway_schema_history' and tablename not like 'qrtz%' "
                // Locked in this order: an outbox worker of the test before locks its messages first and then
                // touches other tables; taking the messages first lets it finish instead of deadlocking with it.
                + "order by tablename <> 'outbox_message', tablename")
                .getResultList();
        entityManager.createNativeQuery("truncate " + String.join(", ", tables) + " restart identity cascade").executeUpdate();
        entityManager.createNativeQuery("alter sequence incident_number_seq restart with 1").executeUpdate();
    }
}
