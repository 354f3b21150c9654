package dev.warroom.incident;

import dev.warroom.command.Command;
import dev.warroom.command.CommandError;
import dev.warroom.command.Message;
import dev.warroom.plan.Phase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Working the incident: acknowledging, walking the checklist, moving through the phases. */
@ApplicationScoped
public class ResponseFlows {

    @Inject
    IncidentTimers timers;

    void ack(IncidentScope scope) {
        scope.requireNotClosed();
        Incident incident = scope.incident();
        if (incident.manager == null) {
            throw new CommandError(scope.key() + " has no incident manager to acknowledge it; use `handover <@person>`.");
        }
        scope.requireManager("ack");
        if (incident.acknowledgedAt != null) {
            throw new CommandError(scope.key() + " was already acknowledged by " + scope.managerName() + " at "
                    + IncidentMessages.time(incident.acknowledgedAt) + ".");
        }
        incident.acknowledgedAt = scope.now();
        timers.acknowledged(scope);
        Duration after = Duration.between(incident.declaredAt, scope.now());
        scope.event(TimelineEvent.Type.ACKNOWLEDGED, "Acknowledged " + IncidentMessages.duration(after) + " after declaration.");
        scope.announce(Message.text(scope.key() + " acknowledged by " + scope.managerName() + " ("
                + IncidentMessages.duration(after) + " after declaration)."));
        scope.refreshCards();
    }

    void done(IncidentScope scope, Command.Done command) {
        Step step = openStep(scope, command.step(), "done");
        step.status = Step.Status.DONE;
        markChanged(scope, step, null);
        scope.event(TimelineEvent.Type.STEP_DONE, "Step " + step.number + " done: " + step.text);
        scope.announce(Message.text("☑ Step " + step.number + " done by " + scope.name(scope.actor().ref()) + ": "
                + step.text + ". " + remaining(scope, step.kind)));
        scope.refreshCards();
    }

    void skip(IncidentScope scope, Command.Skip command) {
        Step step = openStep(scope, command.step(), "skip");
        step.status = Step.Status.SKIPPED;
        markChanged(scope, step, command.reason());
        scope.event(TimelineEvent.Type.STEP_SKIPPED, "Step " + step.number + " skipped: " + step.text
                + " — reason: " + command.reason());
        scope.announce(Message.text("⤼ Step " + step.number + " skipped by " + scope.name(scope.actor().ref()) + ": "
                + step.text + " — reason: " + command.reason() + ". " + remaining(scope, step.kind)));
        scope.refreshCards();
    }

    void movePhase(IncidentScope scope, Command.MovePhase command) {
        scope.requireNotClosed();
        scope.requireResponder("phase");
        Incident incident = scope.incident();
        Phase target = command.phase();
        if (target == Phase.RESOLVED) {
            throw new CommandError("Use `resolve <summary>` to resolve " + scope.key() + ".");
        }
        if (target == Phase.CLOSED) {
            throw new CommandError("Use `close` to close " + scope.key() + ".");
        }
        if (!target.isAfter(incident.phase)) {
            throw new CommandError(scope.key() + " is in " + incident.phase.word()
                    + "; phases only move forward: " + forwardPhases() + ".");
        }
        Phase from = incident.phase;
        incident.phase = target;
        incident.phaseEnteredAt = scope.now();
        timers.phaseEntered(scope);
        Duration targetTime = scope.severity().targets().get(target);
        scope.event(TimelineEvent.Type.PHASE_CHANGED, from.word() + " → " + target.word());
        scope.announce(Message.text(scope.key() + " moved to *" + target.word() + "* (from " + from.word() + ") by "
                + scope.name(scope.actor().ref()) + "."
                + (targetTime == null ? "" : " Target: done within " + IncidentMessages.duration(targetTime)
                + ", by " + IncidentMessages.time(scope.now().plus(targetTime)) + ".")));
        scope.refreshCards();
    }

    private static Step openStep(IncidentScope scope, int number, String verb) {
        scope.requireNotClosed();
        scope.requireResponder(verb);
        List<Step> steps = Step.of(scope.incident());
        Step step = steps.stream().filter(s -> s.number == number).findFirst().orElseThrow(() -> new CommandError(
                scope.key() + " has no step " + number + (steps.isEmpty() ? "." : "; steps are 1–" + steps.size() + ".")
                        + " See `steps`."));
        if (step.status != Step.Status.OPEN) {
            throw new CommandError("Step " + number + " of " + scope.key() + " is already "
                    + (step.status == Step.Status.DONE ? "done" : "skipped") + " (" + scope.name(step.actor) + ", "
                    + IncidentMessages.time(step.changedAt) + ").");
        }
        return step;
    }

    private static void markChanged(IncidentScope scope, Step step, String reason) {
        step.actor = scope.actor().ref();
        step.reason = reason;
        step.changedAt = scope.now();
    }

    private static String remaining(IncidentScope scope, Step.Kind kind) {
        long open = Step.of(scope.incident()).stream().filter(s -> s.kind == kind && s.status == Step.Status.OPEN).count();
        String what = kind == Step.Kind.MITIGATION ? "mitigation" : "recovery";
        return open == 0 ? "All " + what + " steps handled." : open + " " + what + " step" + (open == 1 ? "" : "s") + " open.";
    }

    private static String forwardPhases() {
        return Arrays.stream(Phase.values()).map(Phase::word).collect(Collectors.joining(" → "));
    }
}
