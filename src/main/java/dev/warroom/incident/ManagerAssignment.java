package dev.warroom.incident;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Each time someone became an incident manager: the history behind "least recently assigned". */
@Entity
@Table(name = "manager_assignment")
public class ManagerAssignment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String person;
    @Column(name = "incident_id")
    public long incidentId;
    @Column(name = "assigned_at")
    public Instant assignedAt;

    public static void record(String person, Incident incident, Instant at) {
        ManagerAssignment assignment = new ManagerAssignment();
        assignment.person = person;
        assignment.incidentId = incident.id;
        assignment.assignedAt = at;
        assignment.persist();
    }
}
