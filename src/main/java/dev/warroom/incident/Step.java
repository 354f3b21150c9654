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
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One checklist item of an incident: a mitigation step, or a recovery step posted on resolve. */
@Entity
@Table(name = "incident_step")
public class Step extends PanacheEntityBase {

    public enum Kind { MITIGATION, RECOVERY }

    public enum Status { OPEN, DONE, SKIPPED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "incident_id")
    public long incidentId;
    /** Numbered across the incident: mitigation steps first, recovery steps after them. */
    public int number;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String text;
    public String runbook;
    @Enumerated(EnumType.STRING)
    public Status status;
    /** Who marked it done or skipped. */
    public String actor;
    public String reason;
    @Column(name = "changed_at")
    public Instant changedAt;
    @Version
    public long version;

    public static Step open(Incident incident, int number, Kind kind, String text, String runbook) {
        Step step = new Step();
        step.incidentId = incident.id;
        step.number = number;
        step.kind = kind;
        step.text = text;
        step.runbook = runbook;
        step.status = Status.OPEN;
        return step;
    }

    public static List<Step> of(Incident incident) {
        return list("incidentId = ?1 order by number", incident.id);
    }

    public static Optional<Step> find(Incident incident, int number) {
        return find("incidentId = ?1 and number = ?2", incident.id, number).firstResultOptional();
    }
}
