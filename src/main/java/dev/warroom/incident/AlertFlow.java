package dev.warroom.incident;

import dev.warroom.command.Actor;
import dev.warroom.command.Command;
import dev.warroom.command.CommandRequest;
import dev.warroom.command.Message;
import dev.warroom.notify.Outbox;
import dev.warroom.notify.OutboxWorkers;
import dev.warroom.plan.Plan;
import dev.warroom.plan.PlanRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Alerts that declare incidents. One alert group declares at most one open incident: the same group
 * firing again (a repeat, or a second Alertmanager of a highly available pair) only adds to its
 * timeline, and its resolution is told in the incident channel while the team still decides when to
 * resolve.
 */
@ApplicationScoped
public class AlertFlow {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(AlertFlow.class);

    @Inject
    DeclareFlow declareFlow;
    @Inject
    PlanRegistry plans;
    @Inject
    Outbox outbox;
    @Inject
    Timeline timeline;
    @Inject
    OutboxWorkers outboxWorkers;
    @Inject
    EntityManager entityManager;
    @Inject
    Clock clock;

    /** Applies the notice, then delivers what it caused. */
    public AlertOutcome receive(AlertNotice notice, String platform, String channel) {
        try {
            AlertOutcome outcome = apply(notice, platform, channel);
            LOG.infof("Alert group %s %s: %s", notice.groupKey(), notice.firing() ? "firing" : "resolved",
                    outcome.result().name().toLowerCase(java.util.Locale.ROOT));
            outboxWorkers.deliveryRequested();
            return outcome;
        } finally {
            IncidentLog.clear();
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    AlertOutcome apply(AlertNotice notice, String platform, String channel) {
        Instant now = clock.instant();
        GroupRow group = lockGroup(notice.groupKey(), now);
        Incident incident = group.incidentId() == null ? null : Incident.findById(group.incidentId());
        if (incident != null) {
            IncidentLog.about(incident.key());
        }
        boolean open = incident != null && incident.isOpen();
        Actor actor = Actor.stranger(notice.source());
        if (!notice.firing()) {
            if (!open) {
                return AlertOutcome.ignored("No open incident for alert group " + notice.groupKey() + ".");
            }
            IncidentScope scope = scopeOf(incident, actor, now);
            scope.event(TimelineEvent.Type.ALERT_RESOLVED, notice.source() + ": " + alerts(notice) + " resolved: " + notice.title());
            scope.post(Message.text("✅ " + notice.source() + " says " + notice.title() + " has resolved. " + incident.key()
                    + " stays open: `resolve <summary>` once the service is back to normal."));
            saveGroup(notice, incident.id, now);
            return AlertOutcome.updated(incident);
        }
        if (open) {
            timeline.add(incident.id, actor, TimelineEvent.Type.ALERT_FIRING,
                    notice.source() + ": " + alerts(notice) + " still firing: " + notice.title());
            saveGroup(notice, incident.id, now);
            return AlertOutcome.updated(incident);
        }
        CommandRequest request = new CommandRequest("declare " + notice.service() + " " + notice.severity() + " "
                + notice.title(), actor, platform, channel, null);
        Incident declared = declareFlow.declare(
                new Command.Declare(notice.service(), notice.severity(), notice.incidentType(), notice.title()), request);
        timeline.add(declared.id, actor, TimelineEvent.Type.ALERT_FIRING, notice.source() + ": " + alerts(notice)
                + " firing (group " + notice.groupKey() + ")" + (notice.severityNote() == null ? "" : "; " + notice.severityNote()));
        saveGroup(notice, declared.id, now);
        return AlertOutcome.declared(declared);
    }

    private IncidentScope scopeOf(Incident incident, Actor actor, Instant now) {
        Plan plan = plans.active(incident.service).orElseThrow(() -> new IllegalStateException(
                "The plan for " + incident.service + " is not loaded"));
        CommandRequest request = new CommandRequest("", actor, incident.platform, incident.channel, null);
        return new IncidentScope(incident, plan, request, outbox, timeline, now);
    }

    private static String alerts(AlertNotice notice) {
        return notice.alertCount() == 1 ? "1 alert" : notice.alertCount() + " alerts";
    }

    private record GroupRow(Long incidentId) {}

    /** Creates the group's row if new and locks it, so concurrent notifications of one group apply in turn. */
    private GroupRow lockGroup(String groupKey, Instant now) {
        entityManager.createNativeQuery("insert into alert_group (group_key, status, first_seen_at, last_seen_at, notifications)"
                        + " values (?1, 'new', ?2, ?2, 0) on conflict do nothing")
                .setParameter(1, groupKey).setParameter(2, now).executeUpdate();
        List<?> rows = entityManager.createNativeQuery("select incident_id from alert_group where group_key = ?1 for update")
                .setParameter(1, groupKey).getResultList();
        Object incidentId = rows.get(0);
        return new GroupRow(incidentId == null ? null : ((Number) incidentId).longValue());
    }

    private void saveGroup(AlertNotice notice, long incidentId, Instant now) {
        entityManager.createNativeQuery("update alert_group set incident_id = ?2, status = ?3, last_seen_at = ?4,"
                        + " notifications = notifications + 1 where group_key = ?1")
                .setParameter(1, notice.groupKey()).setParameter(2, incidentId)
                .setParameter(3, notice.firing() ? "firing" : "resolved").setParameter(4, now).executeUpdate();
    }
}
