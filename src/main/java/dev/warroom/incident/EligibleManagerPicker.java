package dev.warroom.incident;

import dev.warroom.plan.Plan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the incident manager from a plan's eligible list: people already managing an open incident
 * are skipped; of the rest, the one least recently assigned wins (ties: list order).
 */
@ApplicationScoped
public class EligibleManagerPicker {

    @Inject
    EntityManager entityManager;

    /** The choice and why: each skipped person with the reason. */
    public record ManagerPick(Optional<String> chosen, List<Skip> skipped) {}

    public record Skip(String person, String reason) {}

    public ManagerPick pick(Plan plan) {
        List<String> eligible = plan.eligibleManagers();
        List<Skip> skipped = new ArrayList<>();
        List<String> available = new ArrayList<>();
        for (String person : eligible) {
            List<Incident> managed = Incident.managedBy(person);
            if (managed.isEmpty()) {
                available.add(person);
            } else {
                skipped.add(new Skip(person, "manages " + String.join(", ", managed.stream().map(Incident::key).toList())));
            }
        }
        Map<String, Instant> lastAssigned = lastAssigned(available);
        Optional<String> chosen = available.stream()
                .min(Comparator.<String, Instant>comparing(p -> lastAssigned.getOrDefault(p, Instant.MIN))
                        .thenComparing(eligible::indexOf));
        return new ManagerPick(chosen, skipped);
    }

    private Map<String, Instant> lastAssigned(List<String> people) {
        Map<String, Instant> last = new HashMap<>();
        if (people.isEmpty()) {
            return last;
        }
        List<Object[]> rows = entityManager.createQuery(
                        "select a.person, max(a.assignedAt) from ManagerAssignment a where a.person in :people group by a.person",
                        Object[].class)
                .setParameter("people", people)
                .getResultList();
        rows.forEach(row -> last.put((String) row[0], (Instant) row[1]));
        return last;
    }
}
