package dev.warroom.incident;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** Something that happened in an incident: who, what, when, details. Written with the change itself. */
@Entity
@Table(name = "timeline_event")
public class TimelineEvent extends PanacheEntityBase {

    public enum Type {
        DECLARED, MANAGER_ASSIGNED, NO_MANAGER_AVAILABLE, NOTIFIED, ACKNOWLEDGED, STEP_DONE, STEP_SKIPPED,
        PHASE_CHANGED, ROLE_ASSIGNED, HANDOVER, STATUS_UPDATE, ESCALATED, FORENSICS_INVOKED, RESOLVED,
        LESSON_ADDED, LESSON_EDITED, LESSON_DELETED, REPORT_WRITTEN, CLOSED, REFUSED, DELIVERY_FAILED, ALERT_FIRING, ALERT_RESOLVED,
        ACK_MISSED, TARGET_BREACHED, UPDATE_MISSED, LESSONS_REMINDER, ESCALATION_STOPPED,
        /** A drill did not tell a stakeholder (the plan does not ask it to). */
        DRILL_NOT_NOTIFIED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "incident_id")
    public long incidentId;
    public Instant at;
    public String actor;
    @Enumerated(EnumType.STRING)
    public Type type;
    public String details;

    public static List<TimelineEvent> of(long incidentId) {
        return list("incidentId = ?1 order by id", incidentId);
    }

    public static long count(long incidentId, Type type) {
        return count("incidentId = ?1 and type = ?2", incidentId, type);
    }
}
