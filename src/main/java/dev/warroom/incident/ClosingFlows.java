package dev.warroom.incident;

import dev.warroom.command.Command;
import dev.warroom.command.CommandError;
import dev.warroom.command.Message;
import dev.warroom.command.SourceMessage;
import dev.warroom.plan.Phase;
import dev.warroom.report.Lesson;
import dev.warroom.report.Report;
import dev.warroom.report.ReportBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Ending an incident: resolve with recovery steps, lessons learned, the report, close. */
@ApplicationScoped
public class ClosingFlows {

    @Inject
    IncidentTimers timers;

    void resolve(IncidentScope scope, Command.Resolve command) {
        scope.requireNotClosed();
        scope.requireResponder("resolve");
        Incident incident = scope.incident();
        if (incident.phase == Phase.RESOLVED) {
            throw new CommandError(scope.key() + " is already resolved; write the `report`, then `close` it.");
        }
        Phase from = incident.phase;
        incident.phase = Phase.RESOLVED;
        incident.phaseEnteredAt = scope.now();
        incident.resolvedAt = scope.now();
        incident.summary = command.summary();
        timers.resolved(scope);
        List<Step> recovery = openRecoverySteps(scope);
        scope.event(TimelineEvent.Type.RESOLVED, from.word() + " → resolved: " + command.summary());
        scope.announce(Message.text("✅ " + scope.key() + " resolved by " + scope.name(scope.actor().ref()) + ": "
                + command.summary()));
        scope.post(IncidentMessages.checklist(scope, Step.Kind.RECOVERY, recovery));
        scope.post(lessonsPrompt(scope));
        scope.post(IncidentMessages.summaryCard(scope));
    }

    void lesson(IncidentScope scope, Command.AddLesson command) {
        scope.requireNotClosed();
        SourceMessage source = scope.source();
        if (source != null && Lesson.bySource(source.ref()).isPresent()) {
            return; // the same chat message again (another delivery of it): stored once
        }
        List<String> prompts = scope.plan().lessons().prompts();
        PlacedLesson placed = PlacedLesson.of(command, prompts);
        Lesson lesson = new Lesson();
        lesson.incidentId = scope.incident().id;
        lesson.author = scope.actor().ref();
        lesson.text = placed.text();
        lesson.prompt = placed.prompt();
        lesson.sourceRef = source == null ? null : source.ref();
        lesson.createdAt = scope.now();
        lesson.persist();
        long count = Lesson.of(scope.incident().id).size();
        scope.event(TimelineEvent.Type.LESSON_ADDED, placed.forTimeline());
        Message thanks = IncidentMessages.lessonRecorded(scope, count, placed, prompts);
        // In a thread, every reply would otherwise get an answer of its own: a plain "recorded" only marks the
        // person's message where the platform can (Slack's ✅); a lesson filed under no prompt is always explained.
        boolean routine = placed.unknownPrompt() == null && source != null && source.inThread();
        scope.reply(routine ? thanks.acknowledging(source.id()) : thanks);
    }

    /** Shows the report; from resolve on, the report shown is also stored. */
    void report(IncidentScope scope) {
        Incident incident = scope.incident();
        if (incident.phase.isAfter(Phase.RECOVERY)) {
            Report report = store(scope);
            scope.reply(Message.text(report.markdown));
        } else {
            scope.reply(Message.text("_Draft: the report is stored once " + scope.key() + " is resolved._\n\n"
                    + build(scope)));
        }
    }

    void close(IncidentScope scope) {
        scope.requireNotClosed();
        Incident incident = scope.incident();
        if (incident.phase != Phase.RESOLVED) {
            throw new CommandError("Resolve " + scope.key() + " first: `resolve <summary>`.");
        }
        scope.requireLeader("close");
        boolean reportRequired = scope.severity().reportRequired();
        if (reportRequired && Report.of(incident.id).isEmpty()) {
            throw new CommandError(scope.key() + " is " + incident.severity
                    + ": its report is required before it can close. Run `report`, then `close`.");
        }
        incident.phase = Phase.CLOSED;
        incident.phaseEnteredAt = scope.now();
        incident.closedAt = scope.now();
        timers.closed(scope);
        scope.event(TimelineEvent.Type.CLOSED, "Closed.");
        store(scope);
        scope.announce(Message.text("🏁 " + scope.key() + " closed by " + scope.name(scope.actor().ref())
                + ". The report is stored: `report " + scope.key() + "`."));
        scope.refreshCards();
    }

    private Report store(IncidentScope scope) {
        Incident incident = scope.incident();
        Report report = Report.of(incident.id).orElseGet(() -> {
            Report created = new Report();
            created.incidentId = incident.id;
            created.createdAt = scope.now();
            created.createdBy = scope.actor().ref();
            return created;
        });
        boolean isNew = report.id == null;
        report.updatedAt = scope.now();
        scope.event(TimelineEvent.Type.REPORT_WRITTEN, isNew ? "Report written." : "Report updated.");
        report.markdown = build(scope);
        report.persist();
        return report;
    }

    private static String build(IncidentScope scope) {
        Incident incident = scope.incident();
        return ReportBuilder.build(incident, scope.plan(), Step.of(incident), TimelineEvent.of(incident.id),
                Lesson.of(incident.id), scope::name);
    }

    private static List<Step> openRecoverySteps(IncidentScope scope) {
        Incident incident = scope.incident();
        int next = Step.of(incident).size() + 1;
        List<Step> steps = new ArrayList<>();
        for (String text : scope.plan().recovery()) {
            Step step = Step.open(incident, next++, Step.Kind.RECOVERY, text, null);
            step.persist();
            steps.add(step);
        }
        return steps;
    }

    /**
     * The lessons-learned thread's first post: the plan's prompts, numbered, and the manager and every role holder
     * mentioned, so each platform notifies them.
     */
    private static Message lessonsPrompt(IncidentScope scope) {
        Set<String> people = new LinkedHashSet<>();
        if (scope.incident().manager != null) {
            people.add(scope.incident().manager);
        }
        scope.plan().roles().keySet().forEach(role -> people.addAll(scope.peopleInRole(role)));
        return IncidentMessages.lessonsPrompt(scope, List.copyOf(people)).keyed(IncidentMessages.LESSONS_KEY);
    }
}
