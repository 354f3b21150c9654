package dev.warroom.incident;

import dev.warroom.command.Command;
import dev.warroom.command.CommandError;
import dev.warroom.command.Message;
import dev.warroom.plan.Phase;
import dev.warroom.plan.Plan;
import dev.warroom.report.Lesson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/** Ending an incident: resolve with recovery steps, lessons learned, close (the report is {@link ReportFlows}'). */
@ApplicationScoped
public class ClosingFlows {

    @Inject
    IncidentTimers timers;
    @Inject
    ReportFlows reports;

    void resolve(IncidentScope scope, Command.Resolve command) {
        scope.requireNotClosed();
        scope.requireResponder("resolve");
        Incident incident = scope.incident();
        if (incident.phase == Phase.RESOLVED) {
            throw new CommandError(scope.key() + " is already resolved; see the `report`, then `close` it.");
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
        Lesson lesson = new Lesson();
        lesson.incidentId = scope.incident().id;
        lesson.author = scope.actor().ref();
        lesson.text = command.text();
        lesson.createdAt = scope.now();
        lesson.persist();
        long count = Lesson.of(scope.incident().id).size();
        scope.event(TimelineEvent.Type.LESSON_ADDED, command.text());
        scope.reply(Message.text("Lesson " + count + " recorded for " + scope.key() + ". Thank you, "
                + scope.name(scope.actor().ref()) + "."));
    }

    void close(IncidentScope scope) {
        scope.requireNotClosed();
        Incident incident = scope.incident();
        if (incident.phase != Phase.RESOLVED) {
            throw new CommandError("Resolve " + scope.key() + " first: `resolve <summary>`.");
        }
        scope.requireLeader("close");
        reports.requireApprovedIfRequired(scope);
        incident.phase = Phase.CLOSED;
        incident.phaseEnteredAt = scope.now();
        incident.closedAt = scope.now();
        timers.closed(scope);
        scope.event(TimelineEvent.Type.CLOSED, "Closed.");
        reports.storeUnlessApproved(scope);
        scope.announce(Message.text("🏁 " + scope.key() + " closed by " + scope.name(scope.actor().ref())
                + ". The report is stored: `report " + scope.key() + "`."));
        scope.refreshCards();
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

    private static Message lessonsPrompt(IncidentScope scope) {
        Plan.Lessons lessons = scope.plan().lessons();
        return Message.text("📝 *Lessons learned* for " + scope.key() + ": reply with `lesson <text>`.\n"
                + String.join("\n", lessons.prompts().stream().map(p -> "• " + p).toList()))
                .keyed(IncidentMessages.LESSONS_KEY);
    }
}
