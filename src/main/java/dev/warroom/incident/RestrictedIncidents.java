package dev.warroom.incident;

import dev.warroom.notify.PlanAddressBook;
import dev.warroom.plan.Plan;
import dev.warroom.plan.PlanRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who may see an incident of a type its plan marks {@code restricted: true}: its responders (every manager it had,
 * every role holder) and the people of the plan's escalation levels. The one rule for chat, the API and the pages.
 */
@ApplicationScoped
public class RestrictedIncidents {

    @Inject
    PlanRegistry plans;

    /** Restricted by its plan; an incident whose plan is no longer loaded is treated as restricted when it has a type. */
    public boolean isRestricted(Incident incident) {
        Optional<Plan> plan = plans.active(incident.service);
        if (plan.isEmpty()) {
            return incident.incidentType != null;
        }
        return incident.incidentType != null
                && plan.get().incidentType(incident.incidentType).map(Plan.IncidentType::restricted).orElse(false);
    }

    /** Whether a plan person (null: someone who is none) may see the incident. */
    public boolean maySee(String personId, Incident incident) {
        return !isRestricted(incident) || (personId != null && allowed(incident).contains(personId));
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
