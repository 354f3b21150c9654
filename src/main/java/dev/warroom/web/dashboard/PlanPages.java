package dev.warroom.web.dashboard;

import dev.warroom.incident.DrillHistory;
import dev.warroom.plan.Plan;
import dev.warroom.plan.PlanError;
import dev.warroom.plan.PlanRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** What the plans page shows: each plan file's health, and the plan in force rendered for reading. */
@ApplicationScoped
public class PlanPages {

    @Inject
    PlanRegistry plans;
    @Inject
    DrillHistory drills;

    /**
     * One plan file. {@code plan} is the version in force (null when none is): the file's own when it is valid,
     * otherwise its last good version, which {@code olderVersionActive} says.
     */
    public record PlanCard(String file, String anchor, String service, boolean valid, Plan plan,
                           boolean olderVersionActive, List<PlanError> errors, boolean stale, String review,
                           String lastDrill, String owner) {}

    /** The date in words, and a flag in words too when a drill is due. */
    private static String lastDrill(DrillHistory.DrillState state) {
        return state.when() + (state.due() ? " — a drill is due" : "");
    }

    public List<PlanCard> cards() {
        return plans.states().stream().map(this::card).toList();
    }

    private PlanCard card(PlanRegistry.PlanState state) {
        Plan plan = state.active();
        String service = state.service() == null ? state.file() : state.service();
        boolean stale = plan != null && plans.isStale(plan);
        String review = plan == null ? IncidentPages.NONE
                : (stale ? "review was due " : "next review ") + plan.reviewDue() + " (reviewed " + plan.reviewed() + ")";
        String lastDrill = plan == null ? IncidentPages.NONE : lastDrill(drills.state(plan));
        String owner = plan == null ? IncidentPages.NONE : plan.person(plan.owner()).map(Plan.Person::name).orElse(plan.owner());
        return new PlanCard(state.file(), "plan-" + service.replaceAll("[^A-Za-z0-9_-]", "-"), service, state.valid(), plan,
                plan != null && !state.valid(), state.errors(), stale, review, lastDrill, owner);
    }
}
