package dev.warroom.web.dashboard;

import dev.warroom.incident.Incident;
import dev.warroom.incident.IncidentMessages;
import dev.warroom.incident.ManagerAssignment;
import dev.warroom.incident.RoleHolder;
import dev.warroom.incident.Step;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.plan.Plan;
import dev.warroom.plan.PlanRegistry;
import dev.warroom.report.Lesson;
import dev.warroom.report.Report;
import dev.warroom.web.access.IncidentVisibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What the incident pages show, worked out from the stored incident, its timeline and its plan. */
@ApplicationScoped
public class IncidentPages {

    static final String NONE = "—";

    @Inject
    PlanRegistry plans;
    @Inject
    IncidentVisibility visibility;
    @Inject
    PendingTimers timers;
    @Inject
    Clock clock;

    /** One line of the incidents list. */
    public record Row(String key, String title, String service, String severity, String type, String phase,
                      String status, String manager, String age, String nextTimer, boolean drill, boolean restricted) {}

    public record Detail(Row row, String declared, String declaredBy, String acknowledged, String resolved,
                         String closed, int escalationLevel, String channel, String platform, String summary,
                         String planTitle, String planOnline, List<PhaseHistory.PhaseStep> phases,
                         List<RoleSpan> roles, List<StepRow> steps, List<String> timers, List<EventRow> timeline,
                         List<EventRow> updates, List<LessonGroup> lessons, String report) {}

    /** Someone holding a role from a time, until a time or still ({@code until} is "now"). */
    public record RoleSpan(String role, String person, String from, String until) {}

    public record StepRow(int number, String text, String runbook, String kind, String status, String outcome) {}

    public record EventRow(String at, String who, String what, String details) {}

    public record LessonRow(String at, String who, String text, boolean edited) {}

    /** The lessons that answer one of the plan's lessons prompts (its number and question), or no prompt (null). */
    public record LessonGroup(String prompt, List<LessonRow> lessons) {}

    public Row row(Incident incident) {
        Instant now = clock.instant();
        List<String> due = timers.of(incident);
        return new Row(incident.key(), incident.title, incident.service, incident.severity,
                incident.incidentType == null ? NONE : incident.incidentType, incident.phase.word(),
                incident.isOpen() ? "open" : "closed", incident.manager == null ? "nobody yet" : name(incident, incident.manager),
                IncidentMessages.duration(Duration.between(incident.declaredAt, now)),
                due.isEmpty() ? NONE : due.get(0), incident.drill, visibility.isRestricted(incident));
    }

    public Detail detail(Incident incident) {
        Instant now = clock.instant();
        Optional<Plan> plan = plans.active(incident.service);
        List<TimelineEvent> timeline = TimelineEvent.of(incident.id);
        Map<dev.warroom.plan.Phase, Duration> targets = plan.flatMap(p -> p.severity(incident.severity))
                .map(Plan.Severity::targets).orElse(Map.of());
        List<EventRow> events = timeline.stream().map(e -> event(incident, e)).toList();
        return new Detail(row(incident), IncidentMessages.dateTime(incident.declaredAt), name(incident, incident.declaredBy),
                since(incident.acknowledgedAt, incident.declaredAt), since(incident.resolvedAt, incident.declaredAt),
                since(incident.closedAt, incident.declaredAt), incident.escalationLevel, incident.channel, incident.platform,
                incident.summary, plan.map(Plan::title).orElse(incident.service + " (plan not loaded)"),
                plan.map(p -> p.location().online()).orElse(null),
                PhaseHistory.of(incident, timeline, targets, now), roles(incident),
                Step.of(incident).stream().map(s -> step(incident, s)).toList(),
                timers.of(incident), events,
                events.stream().filter(e -> e.what().equals(words(TimelineEvent.Type.STATUS_UPDATE))).toList(),
                lessonsByPrompt(incident, plan.map(p -> p.lessons().prompts()).orElse(List.of())),
                Report.of(incident.id).map(r -> r.markdown).orElse(null));
    }

    /** The incident's lessons under the prompts they answer, in the plan's order; the others last. */
    private List<LessonGroup> lessonsByPrompt(Incident incident, List<String> prompts) {
        Map<Integer, List<LessonRow>> byPrompt = new java.util.TreeMap<>();
        List<LessonRow> others = new ArrayList<>();
        for (Lesson lesson : Lesson.of(incident.id)) {
            LessonRow row = new LessonRow(IncidentMessages.dateTime(lesson.createdAt), name(incident, lesson.author),
                    lesson.text, lesson.editedAt != null);
            if (lesson.prompt != null && lesson.prompt <= prompts.size()) {
                byPrompt.computeIfAbsent(lesson.prompt, n -> new ArrayList<>()).add(row);
            } else {
                others.add(row);
            }
        }
        List<LessonGroup> groups = new ArrayList<>();
        byPrompt.forEach((number, rows) -> groups.add(new LessonGroup(number + ". " + prompts.get(number - 1), rows)));
        if (!others.isEmpty()) {
            groups.add(new LessonGroup(byPrompt.isEmpty() ? null : "Other lessons", others)); // no heading when alone
        }
        return groups;
    }

    /** Managers one after another (each until the next took over), then the other roles' holders. */
    private List<RoleSpan> roles(Incident incident) {
        List<ManagerAssignment> managers = ManagerAssignment.list("incidentId = ?1 order by assignedAt, id", incident.id);
        String end = incident.closedAt == null ? "now" : IncidentMessages.dateTime(incident.closedAt);
        List<RoleSpan> spans = new ArrayList<>();
        for (int i = 0; i < managers.size(); i++) {
            ManagerAssignment m = managers.get(i);
            spans.add(new RoleSpan(Plan.INCIDENT_MANAGER, name(incident, m.person), IncidentMessages.dateTime(m.assignedAt),
                    i + 1 < managers.size() ? IncidentMessages.dateTime(managers.get(i + 1).assignedAt) : end));
        }
        for (RoleHolder holder : RoleHolder.of(incident)) {
            spans.add(new RoleSpan(holder.role, name(incident, holder.person), IncidentMessages.dateTime(holder.assignedAt), end));
        }
        return spans;
    }

    private StepRow step(Incident incident, Step step) {
        String outcome = switch (step.status) {
            case OPEN -> "not done yet";
            case DONE -> "done by " + name(incident, step.actor) + " at " + IncidentMessages.dateTime(step.changedAt);
            case SKIPPED -> "skipped by " + name(incident, step.actor) + ": " + step.reason;
        };
        return new StepRow(step.number, step.text, step.runbook, lower(step.kind.name()), lower(step.status.name()), outcome);
    }

    private EventRow event(Incident incident, TimelineEvent event) {
        return new EventRow(IncidentMessages.dateTime(event.at), name(incident, event.actor), words(event.type), event.details);
    }

    private static String words(TimelineEvent.Type type) {
        return lower(type.name()).replace('_', ' ');
    }

    private static String since(Instant at, Instant declared) {
        return at == null ? NONE : IncidentMessages.dateTime(at) + " (" + IncidentMessages.duration(Duration.between(declared, at))
                + " after declaration)";
    }

    /** A plan person's name, or the stored reference for people outside the plan. */
    private String name(Incident incident, String person) {
        if (person == null) {
            return "nobody";
        }
        return plans.active(incident.service).flatMap(p -> p.person(person)).map(Plan.Person::name)
                .or(() -> plans.person(person).map(Plan.Person::name)).orElse(person);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
