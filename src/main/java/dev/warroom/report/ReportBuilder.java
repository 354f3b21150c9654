package dev.warroom.report;

import dev.warroom.incident.Incident;
import dev.warroom.incident.IncidentMessages;
import dev.warroom.incident.IncidentScope;
import dev.warroom.incident.ManagerAssignment;
import dev.warroom.incident.PhaseTimes;
import dev.warroom.incident.RoleHolder;
import dev.warroom.incident.Step;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.notify.Destination;
import dev.warroom.notify.OutboxMessage;
import dev.warroom.plan.Phase;
import dev.warroom.plan.Plan;
import dev.warroom.report.IncidentReport.ActionLine;
import dev.warroom.report.IncidentReport.DrillScore;
import dev.warroom.report.IncidentReport.EventLine;
import dev.warroom.report.IncidentReport.Facts;
import dev.warroom.report.IncidentReport.Forensics;
import dev.warroom.report.IncidentReport.LessonGroup;
import dev.warroom.report.IncidentReport.LessonLine;
import dev.warroom.report.IncidentReport.PhaseLine;
import dev.warroom.report.IncidentReport.RoleLine;
import dev.warroom.report.IncidentReport.StepLine;
import dev.warroom.report.IncidentReport.TargetLine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Builds an incident's {@link IncidentReport} from what is stored about it and its plan. */
public final class ReportBuilder {

    private static final String NONE = "—";
    /** The working phases, the ones with targets; resolved and closed are times in the facts. */
    private static final List<Phase> WORKING = List.of(Phase.DETECTION, Phase.ANALYSIS, Phase.CONTAINMENT,
            Phase.ERADICATION, Phase.RECOVERY);

    private final Incident incident;
    private final Plan plan;
    private final List<TimelineEvent> timeline;
    private final List<Step> steps;

    private ReportBuilder(Incident incident, Plan plan) {
        this.incident = incident;
        this.plan = plan;
        this.timeline = TimelineEvent.of(incident.id);
        this.steps = Step.of(incident);
    }

    public static IncidentReport build(Incident incident, Plan plan) {
        return new ReportBuilder(incident, plan).build();
    }

    private IncidentReport build() {
        List<PhaseLine> phases = phases();
        return new IncidentReport(facts(), phases, roles(), steps(Step.Kind.MITIGATION), steps(Step.Kind.RECOVERY),
                events(TimelineEvent.Type.ESCALATED, TimelineEvent.Type.ESCALATION_STOPPED),
                new Forensics(events(TimelineEvent.Type.FORENSICS_INVOKED), plan.forensics().invokedBy(),
                        plan.forensics().criteria()),
                events(TimelineEvent.Type.STATUS_UPDATE), lessons(), actions(),
                incident.drill ? score(phases) : null);
    }

    private Facts facts() {
        return new Facts(IncidentMessages.headline(incident), incident.key(), incident.title, incident.service, plan.title(), incident.severity,
                incident.incidentType == null ? NONE : incident.incidentType, incident.drill,
                IncidentMessages.dateTime(incident.declaredAt), name(incident.declaredBy),
                since(incident.acknowledgedAt, "not acknowledged"), since(incident.resolvedAt, "not resolved yet"),
                since(incident.closedAt, "not closed yet"), incident.summary == null ? "Not resolved yet." : incident.summary,
                plan.location().online(), plan.location().offline());
    }

    private List<PhaseLine> phases() {
        PhaseTimes times = PhaseTimes.of(incident, timeline);
        List<PhaseLine> lines = new ArrayList<>();
        for (Phase phase : WORKING) {
            Duration target = targets().get(phase);
            String targetWords = target == null ? NONE : IncidentMessages.duration(target);
            Instant start = times.entered(phase).orElse(null);
            Instant end = times.ended(phase).orElse(null);
            if (start == null) {
                lines.add(new PhaseLine(phase.word(), NONE, targetWords,
                        incident.phase.isAfter(phase) ? "skipped" : "not reached"));
            } else if (end == null) {
                lines.add(new PhaseLine(phase.word(), "since " + IncidentMessages.dateTime(start), targetWords, "in progress"));
            } else {
                Duration took = Duration.between(start, end);
                String outcome = target == null ? "no target"
                        : took.compareTo(target) <= 0 ? IncidentReport.MET : IncidentReport.MISSED;
                lines.add(new PhaseLine(phase.word(), IncidentMessages.duration(took), targetWords, outcome));
            }
        }
        return lines;
    }

    /** Managers one after another (each until the next took over), then the other roles' holders. */
    private List<RoleLine> roles() {
        List<ManagerAssignment> managers = ManagerAssignment.list("incidentId = ?1 order by assignedAt, id", incident.id);
        String end = incident.closedAt == null ? "still" : IncidentMessages.dateTime(incident.closedAt);
        List<RoleLine> lines = new ArrayList<>();
        for (int i = 0; i < managers.size(); i++) {
            ManagerAssignment manager = managers.get(i);
            lines.add(new RoleLine(Plan.INCIDENT_MANAGER, name(manager.person), IncidentMessages.dateTime(manager.assignedAt),
                    i + 1 < managers.size() ? IncidentMessages.dateTime(managers.get(i + 1).assignedAt) : end));
        }
        for (RoleHolder holder : RoleHolder.of(incident)) {
            lines.add(new RoleLine(holder.role, name(holder.person), IncidentMessages.dateTime(holder.assignedAt), end));
        }
        return lines;
    }

    private List<StepLine> steps(Step.Kind kind) {
        return steps.stream().filter(s -> s.kind == kind).map(this::step).toList();
    }

    private StepLine step(Step step) {
        String outcome = switch (step.status) {
            case OPEN -> "not done";
            case DONE -> "done by " + name(step.actor) + " at " + IncidentMessages.dateTime(step.changedAt);
            case SKIPPED -> "skipped by " + name(step.actor) + ": " + step.reason;
        };
        return new StepLine(step.number, step.text, step.status.name().toLowerCase(Locale.ROOT), outcome);
    }

    private List<EventLine> events(TimelineEvent.Type... types) {
        Set<TimelineEvent.Type> wanted = Set.of(types);
        return timeline.stream().filter(e -> wanted.contains(e.type))
                .map(e -> new EventLine(IncidentMessages.dateTime(e.at), name(e.actor), e.details)).toList();
    }

    /** Lessons under the prompt they answer, in the plan's order; lessons answering none come last, as "Other". */
    private List<LessonGroup> lessons() {
        List<Lesson> lessons = Lesson.of(incident.id);
        List<String> prompts = plan.lessons().prompts();
        List<LessonGroup> groups = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            int prompt = i + 1;
            groups.add(new LessonGroup(prompts.get(i), lessons.stream()
                    .filter(l -> l.prompt != null && l.prompt == prompt).map(this::lesson).toList()));
        }
        List<LessonLine> other = lessons.stream().filter(l -> l.prompt == null || l.prompt < 1 || l.prompt > prompts.size())
                .map(this::lesson).toList();
        if (!other.isEmpty()) {
            groups.add(new LessonGroup("Other", other));
        }
        return groups;
    }

    private LessonLine lesson(Lesson lesson) {
        return new LessonLine(lesson.text, name(lesson.author), IncidentMessages.dateTime(lesson.createdAt));
    }

    private List<ActionLine> actions() {
        return FollowUpAction.of(incident.id).stream().map(a -> new ActionLine(a.number, a.text, name(a.owner),
                a.due == null ? "no due date" : a.due.toString())).toList();
    }

    private DrillScore score(List<PhaseLine> phases) {
        List<TargetLine> targets = new ArrayList<>();
        Duration ackWithin = severity().ackWithin();
        targets.add(new TargetLine("acknowledge within " + IncidentMessages.duration(ackWithin), incident.acknowledgedAt == null
                ? "not acknowledged" : met(Duration.between(incident.declaredAt, incident.acknowledgedAt), ackWithin)));
        for (PhaseLine phase : phases) {
            if (!phase.target().equals(NONE)) {
                targets.add(new TargetLine(phase.phase() + " within " + phase.target(), phase.met() || phase.missed()
                        ? phase.outcome() + " (took " + phase.took() + ")" : phase.outcome()));
            }
        }
        long missedUpdates = TimelineEvent.count(incident.id, TimelineEvent.Type.UPDATE_MISSED);
        targets.add(new TargetLine("status update every " + IncidentMessages.duration(severity().updateEvery()),
                missedUpdates == 0 ? IncidentReport.MET : IncidentReport.MISSED + " " + missedUpdates + " "
                        + (missedUpdates == 1 ? "time" : "times")));
        String toAck = incident.acknowledgedAt == null ? "not acknowledged"
                : IncidentMessages.duration(Duration.between(incident.declaredAt, incident.acknowledgedAt));
        List<StepLine> skipped = steps.stream().filter(s -> s.status == Step.Status.SKIPPED).map(this::step).toList();
        List<OutboxMessage> failed = OutboxMessage.list("incidentId = ?1 and status = ?2 order by id", incident.id,
                OutboxMessage.Status.FAILED);
        List<String> unresponsive = new ArrayList<>();
        events(TimelineEvent.Type.ACK_MISSED).forEach(e -> unresponsive.add(e.details() + " (" + e.at() + ")"));
        failed.forEach(m -> unresponsive.add(recipient(m) + " on " + m.platform + ": not delivered (" + m.lastError + ")"));
        return new DrillScore(targets, toAck, skipped, unresponsive, defects(failed));
    }

    /** What the drill showed is wrong with the plan: contacts that failed, roles nobody held, no manager free. */
    private List<String> defects(List<OutboxMessage> failed) {
        Set<String> defects = new LinkedHashSet<>();
        for (OutboxMessage message : failed) {
            if (message.destinationKind != Destination.Kind.CHANNEL) {
                defects.add("A contact of " + recipient(message) + " failed (" + message.platform
                        + "): check their contacts in the plan.");
            }
        }
        for (String role : plan.roles().keySet()) {
            if (!role.equals(Plan.INCIDENT_MANAGER) && RoleHolder.peopleIn(incident, role).isEmpty()) {
                defects.add("Nobody held the role " + role + ".");
            }
        }
        if (TimelineEvent.count(incident.id, TimelineEvent.Type.NO_MANAGER_AVAILABLE) > 0) {
            defects.add("No eligible incident manager was available when needed.");
        }
        return List.copyOf(defects);
    }

    private String recipient(OutboxMessage message) {
        return switch (message.destinationKind) {
            case PERSON -> name(message.destination);
            case STAKEHOLDER -> message.destination;
            case CHANNEL -> "#" + message.destination;
        };
    }

    private static String met(Duration took, Duration target) {
        return (took.compareTo(target) <= 0 ? IncidentReport.MET : IncidentReport.MISSED)
                + " (took " + IncidentMessages.duration(took) + ")";
    }

    private Plan.Severity severity() {
        return plan.severity(incident.severity).orElseThrow();
    }

    private Map<Phase, Duration> targets() {
        return severity().targets();
    }

    private String since(Instant at, String otherwise) {
        return at == null ? otherwise : IncidentMessages.dateTime(at) + " ("
                + IncidentMessages.duration(Duration.between(incident.declaredAt, at)) + " after declaration)";
    }

    /** A plan person's name; Warroom itself for its timers; the stored reference for anyone else. */
    private String name(String person) {
        if (person == null) {
            return "nobody";
        }
        if (person.equals(IncidentScope.WARROOM)) {
            return "Warroom";
        }
        return plan.person(person).map(Plan.Person::name).orElse(person);
    }
}
