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
public class TestDatabase {

    @Inject
    EntityManager entityManager;

    @Transactional
    public void reset() {
        entityManager.createNativeQuery("truncate incident, incident_role, incident_step, timeline_event, "
                + "manager_assignment, lesson, report, handled_request, outbox_message, local_message, chat_conversation, "
                + "chat_message_ref, teams_conversation, timer_firing, "
                + "qrtz_fired_triggers, qrtz_simple_triggers, qrtz_cron_triggers, qrtz_simprop_triggers, qrtz_blob_triggers, "
                + "qrtz_triggers, qrtz_job_details restart identity cascade")
                .executeUpdate();
        entityManager.createNativeQuery("alter sequence incident_number_seq restart with 1").executeUpdate();
    }
}
