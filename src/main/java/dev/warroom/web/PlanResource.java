package dev.warroom.web;

import dev.warroom.incident.DrillHistory;
import dev.warroom.plan.Plan;
import dev.warroom.plan.PlanError;
import dev.warroom.plan.PlanRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Read API over plans and their health; reload re-reads the plans folder now. */
@Path("/api/plans")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {

    @Inject
    PlanRegistry plans;
    @Inject
    DrillHistory drills;

    /**
     * {@code valid}: the file as it is now; {@code active}: a version (maybe an earlier one) is in force;
     * {@code lastDrill}: null when never drilled; {@code drillDue}: never drilled, or not within {@code review_every};
     * {@code drill}: the same in words.
     */
    public record PlanView(String file, String service, String title, boolean valid, boolean active, boolean stale,
                           LocalDate reviewDue, Instant lastDrill, boolean drillDue, String drill, List<String> errors) {}

    @GET
    public List<PlanView> list() {
        return views(plans.states());
    }

    @POST
    @Path("/reload")
    public List<PlanView> reload() {
        return views(plans.reload());
    }

    private List<PlanView> views(List<PlanRegistry.PlanState> states) {
        return states.stream().map(s -> {
            Plan plan = s.active();
            DrillHistory.DrillState drill = plan == null ? null : drills.state(plan);
            return new PlanView(s.file(), s.service(), plan == null ? null : plan.title(), s.valid(), plan != null,
                    plan != null && plans.isStale(plan), plan == null ? null : plan.reviewDue(),
                    drill == null ? null : drill.lastDrill(), drill != null && drill.due(),
                    drill == null ? null : drill.text(), s.errors().stream().map(PlanError::toString).toList());
        }).toList();
    }
}
