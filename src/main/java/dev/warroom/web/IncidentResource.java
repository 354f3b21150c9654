package dev.warroom.web;

import dev.warroom.incident.Incident;
import dev.warroom.incident.IncidentTimers;
import dev.warroom.incident.RoleHolder;
import dev.warroom.incident.Step;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.plan.Phase;
import dev.warroom.report.Lesson;
import dev.warroom.report.Report;
import dev.warroom.web.access.CurrentViewer;
import dev.warroom.web.access.IncidentVisibility;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Read API over incidents: the list, and one incident with everything that happened to it. Restricted
 * incidents are left out for those who may not see them, and answer 404 as if they did not exist.
 */
@Path("/api/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

    @Inject
    IncidentTimers timers;
    @Inject
    CurrentViewer viewer;
    @Inject
    IncidentVisibility visibility;

    public record IncidentSummary(String key, String service, String severity, String type, String title, String phase,
                                  String status, String channel, String manager, String declaredBy, Instant declaredAt,
                                  Instant acknowledgedAt, Instant resolvedAt, Instant closedAt, int escalationLevel,
                                  boolean drill) {
        static IncidentSummary of(Incident i) {
            return new IncidentSummary(i.key(), i.service, i.severity, i.incidentType, i.title, i.phase.word(),
                    i.isOpen() ? "open" : "closed", i.channel, i.manager, i.declaredBy, i.declaredAt, i.acknowledgedAt,
                    i.resolvedAt, i.closedAt, i.escalationLevel, i.drill);
        }
    }

    public record RoleView(String role, String person, Instant assignedAt) {}

    public record StepView(int number, String kind, String text, String runbook, String status, String by, String reason,
                           Instant at) {}

    public record EventView(Instant at, String actor, String type, String details) {}

    /** A lesson; {@code prompt} is the number of the plan's lessons prompt it answers, or null. */
    public record LessonView(String author, String text, Instant at, Integer prompt, Instant editedAt) {}

    /** A timer waiting on the incident: {@code ack}, {@code phase-target}, {@code update-reminder}, {@code lessons-reminder}. */
    public record TimerView(String kind, Instant due) {}

    public record IncidentDetail(IncidentSummary incident, String summary, List<RoleView> roles, List<StepView> steps,
                                 List<EventView> timeline, List<LessonView> lessons, String report, List<TimerView> timers) {}

    @GET
    public Response list(@QueryParam("status") String status) {
        List<Incident> incidents;
        if (status == null || status.isBlank()) {
            incidents = Incident.list("order by number");
        } else if (status.equalsIgnoreCase("open")) {
            incidents = Incident.open();
        } else if (status.equalsIgnoreCase("closed")) {
            incidents = Incident.list("phase = ?1 order by number", Phase.CLOSED);
        } else {
            return error(Response.Status.BAD_REQUEST, "status must be open or closed, not `" + status + "`");
        }
        return Response.ok(visibility.visible(viewer.get(), incidents).stream().map(IncidentSummary::of).toList()).build();
    }

    @GET
    @Path("/{key}")
    @Transactional
    public Response get(@PathParam("key") String key) {
        return Incident.findByKey(key).filter(i -> visibility.canSee(viewer.get(), i))
                .map(i -> Response.ok(detail(i)).build())
                .orElseGet(() -> error(Response.Status.NOT_FOUND, "No incident " + key));
    }

    private IncidentDetail detail(Incident incident) {
        return new IncidentDetail(IncidentSummary.of(incident), incident.summary,
                RoleHolder.of(incident).stream().map(r -> new RoleView(r.role, r.person, r.assignedAt)).toList(),
                Step.of(incident).stream().map(s -> new StepView(s.number, lower(s.kind.name()), s.text, s.runbook,
                        lower(s.status.name()), s.actor, s.reason, s.changedAt)).toList(),
                TimelineEvent.of(incident.id).stream().map(e -> new EventView(e.at, e.actor, lower(e.type.name()),
                        e.details)).toList(),
                Lesson.of(incident.id).stream().map(l -> new LessonView(l.author, l.text, l.createdAt, l.prompt,
                        l.editedAt)).toList(),
                Report.of(incident.id).map(r -> r.markdown).orElse(null),
                timers.pending(incident).stream().map(t -> new TimerView(t.kind(), t.due())).toList());
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    static Response error(Response.Status status, String message) {
        return ApiError.response(status, message);
    }
}
