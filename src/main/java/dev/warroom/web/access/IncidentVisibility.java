package dev.warroom.web.access;

import dev.warroom.incident.Incident;
import dev.warroom.incident.ManagerAssignment;
import dev.warroom.incident.RoleHolder;
import dev.warroom.notify.PlanAddressBook;
import dev.warroom.plan.Plan;
import dev.warroom.plan.PlanRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may see an incident. Everyone signed in sees ordinary incidents; an incident of a type its plan marks
 * {@code restricted: true} is seen only by its responders (every manager it had, every role holder) and the
 * people of the plan's escalation levels. Local mode sees everything.
 */
@ApplicationScoped
public class IncidentVisibility {

    @Inject
    PlanRegistry plans;

    public boolean canSee(Viewer viewer, Incident incident) {
        if (viewer.localMode() || !isRestricted(incident)) {
            return true;
        }
        return viewer.isPlanPerson() && allowed(incident).contains(viewer.personId());
    }

    public List<Incident> visible(Viewer viewer, List<Incident> incidents) {
        return incidents.stream().filter(i -> canSee(viewer, i)).toList();
    }

    /** Restricted by its plan; an incident whose plan is no longer loaded is treated as restricted when it has a type. */
    public boolean isRestricted(Incident incident) {
        Optional<Plan> plan = plans.active(incident.service);
        if (plan.isEmpty()) {
            return incident.incidentType != null;
        }
        return incident.incidentType != null
                && plan.get().incidentType(incident.incidentType).map(Plan.IncidentType::restricted).orElse(false);
    }

    private Set<String> allowed(Incident incident) {
        Set<String> people = new LinkedHashSet<>();
        if (incident.manager != null) {
            people.add(incident.manager);
        }
        ManagerAssignment.<ManagerAssignment>list("incidentId", incident.id).forEach(a -> people.add(a.person));
        RoleHolder.of(incident).forEach(h -> people.add(h.person));
        plans.active(incident.service).ifPresent(plan -> people.addAll(
                new PlanAddressBook(plan, incident.severity, role -> RoleHolder.peopleInRole(incident, role)).escalationPeople()));
        return people;
    }
}
