package dev.warroom.incident;

import dev.warroom.plan.Plan;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** A person holding one of the plan's roles in one incident. */
@Entity
@Table(name = "incident_role")
public class RoleHolder extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "incident_id")
    public long incidentId;
    public String role;
    public String person;
    @Column(name = "assigned_at")
    public Instant assignedAt;

    public static RoleHolder of(Incident incident, String role, String person, Instant at) {
        RoleHolder holder = new RoleHolder();
        holder.incidentId = incident.id;
        holder.role = role;
        holder.person = person;
        holder.assignedAt = at;
        return holder;
    }

    public static List<RoleHolder> of(Incident incident) {
        return list("incidentId = ?1 order by id", incident.id);
    }

    public static boolean holds(Incident incident, String person) {
        return count("incidentId = ?1 and person = ?2", incident.id, person) > 0;
    }

    public static boolean holds(Incident incident, String role, String person) {
        return count("incidentId = ?1 and role = ?2 and person = ?3", incident.id, role, person) > 0;
    }

    /** Who holds a role in an incident; the incident manager role is held by the manager. */
    public static List<String> peopleInRole(Incident incident, String role) {
        if (role.equals(Plan.INCIDENT_MANAGER)) {
            return incident.manager == null ? List.of() : List.of(incident.manager);
        }
        return peopleIn(incident, role);
    }

    public static List<String> peopleIn(Incident incident, String role) {
        return RoleHolder.<RoleHolder>list("incidentId = ?1 and role = ?2 order by id", incident.id, role)
                .stream().map(h -> h.person).toList();
    }
}
