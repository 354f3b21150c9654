package dev.warroom.web.dashboard;

import dev.warroom.incident.Incident;
import dev.warroom.plan.Plan;
import dev.warroom.plan.PlanRegistry;
import dev.warroom.report.Report;
import dev.warroom.web.access.CurrentViewer;
import dev.warroom.web.access.IncidentVisibility;
import dev.warroom.web.access.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The dashboard: incidents (filtered by query parameters, so filters work without JavaScript), one incident,
 * its report as Markdown, the plans, and a stream that tells open pages to refresh.
 */
@Path("/dashboard")
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    /** Closed incidents stay in the default list this long. */
    static final Duration RECENT = Duration.ofDays(7);

    @Inject
    CurrentViewer viewer;
    @Inject
    IncidentVisibility visibility;
    @Inject
    IncidentPages incidentPages;
    @Inject
    PlanPages planPages;
    @Inject
    PlanRegistry plans;
    @Inject
    LiveChanges changes;
    @Inject
    Clock clock;

    /** What every page needs around its content: the title, who looks, which section is shown. */
    public record Chrome(String title, Viewer viewer, String section) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance incidents(Chrome chrome, IncidentFilter filter, List<IncidentPages.Row> rows,
                                                 List<String> services, List<String> severities, String error);

        static native TemplateInstance incident(Chrome chrome, IncidentPages.Detail detail);

        static native TemplateInstance plans(Chrome chrome, List<PlanPages.PlanCard> cards);

        static native TemplateInstance problem(Chrome chrome, String message);
    }

    @GET
    public Response incidents(@QueryParam("status") String status, @QueryParam("service") String service,
                              @QueryParam("severity") String severity, @QueryParam("drills") String drills) {
        IncidentFilter filter = new IncidentFilter(status, service, severity, drills);
        Chrome chrome = new Chrome("Incidents", viewer.get(), "incidents");
        Optional<String> error = filter.problem();
        if (error.isPresent()) {
            return html(Response.Status.BAD_REQUEST, Templates.incidents(chrome, IncidentFilter.none(), List.of(),
                    services(), severities(), error.get()));
        }
        List<IncidentPages.Row> rows = visibility.visible(viewer.get(), filter.find(clock.instant().minus(RECENT)))
                .stream().map(incidentPages::row).toList();
        return html(Response.Status.OK, Templates.incidents(chrome, filter, rows, services(), severities(), null));
    }

    @GET
    @Path("/incidents/{key}")
    public Response incident(@PathParam("key") String key) {
        return visibleIncident(key)
                .map(i -> html(Response.Status.OK, Templates.incident(new Chrome(i.key() + " · " + i.title, viewer.get(),
                        "incidents"), incidentPages.detail(i))))
                .orElseGet(() -> notFound("No incident " + key + "."));
    }

    @GET
    @Path("/incidents/{key}/report.md")
    @Produces("text/markdown")
    public Response report(@PathParam("key") String key) {
        Optional<Incident> incident = visibleIncident(key);
        Optional<Report> report = incident.flatMap(i -> Report.of(i.id));
        if (report.isEmpty()) {
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity(incident.isEmpty() ? "No incident " + key + "." : incident.get().key()
                            + " has no report yet: it is stored by `report` after `resolve`.").build();
        }
        return Response.ok(report.get().markdown, "text/markdown; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + incident.get().key() + "-report.md\"").build();
    }

    @GET
    @Path("/plans")
    public TemplateInstance plans() {
        return Templates.plans(new Chrome("Plans", viewer.get(), "plans"), planPages.cards());
    }

    /** A bare "changed" whenever some incident changed; pages fetch themselves again. */
    @GET
    @Path("/changes")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    public Multi<String> changes() {
        return changes.stream();
    }

    private Optional<Incident> visibleIncident(String key) {
        return Incident.findByKey(key).filter(i -> visibility.canSee(viewer.get(), i));
    }

    private Response notFound(String message) {
        return html(Response.Status.NOT_FOUND, Templates.problem(new Chrome("Not found", viewer.get(), "incidents"), message));
    }

    private List<String> services() {
        TreeSet<String> services = new TreeSet<>(plans.activePlans().stream().map(Plan::service).toList());
        services.addAll(Incident.getEntityManager()
                .createQuery("select distinct i.service from Incident i", String.class).getResultList());
        return List.copyOf(services);
    }

    private List<String> severities() {
        TreeSet<String> severities = new TreeSet<>();
        plans.activePlans().forEach(p -> severities.addAll(p.severities().keySet()));
        return List.copyOf(severities);
    }

    private static Response html(Response.Status status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }
}
