package dev.warroom.incident;

import dev.warroom.command.Command;
import dev.warroom.command.CommandError;
import dev.warroom.command.Message;
import dev.warroom.notify.Recipient;
import dev.warroom.plan.Plan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Telling people: status updates along the chain, escalation to the next level, forensic investigation. */
@ApplicationScoped
public class CommunicationFlows {

    @Inject
    Escalation escalation;
    @Inject
    IncidentTimers timers;

    void update(IncidentScope scope, Command.Update command) {
        scope.requireNotClosed();
        scope.requireResponder("update");
        Incident incident = scope.incident();
        incident.lastUpdateAt = scope.now();
        timers.updated(scope);
        String from = scope.name(scope.actor().ref());
        scope.announce(Message.text("📣 *Status update* on " + scope.key() + " from " + from + ": " + command.text()));
        List<Recipient> chain = scope.addressBook().chain().stream()
                .filter(r -> !r.destination().name().equals(scope.actor().personId())).toList();
        String told = scope.tellAll(chain, "📣 " + IncidentMessages.headline(incident) + " (" + incident.phase.word()
                + "), update from " + from + ": " + command.text());
        scope.event(TimelineEvent.Type.STATUS_UPDATE, command.text() + " (told: " + told + ")");
    }

    void escalate(IncidentScope scope, Command.Escalate command) {
        scope.requireNotClosed();
        scope.requireResponder("escalate");
        Escalation.Outcome outcome = escalation.escalate(scope, command.reason(), scope.name(scope.actor().ref()));
        scope.announce(Message.text(IncidentMessages.escalated(scope, outcome, command.reason())));
    }

    void forensics(IncidentScope scope, Command.InvokeForensics command) {
        scope.requireNotClosed();
        scope.requireResponder("forensics");
        Plan.Forensics forensics = scope.plan().forensics();
        List<String> leads = scope.peopleInRole(forensics.invokedBy());
        if (leads.isEmpty()) {
            throw new CommandError("Nobody holds " + forensics.invokedBy() + " in " + scope.key()
                    + "; assign someone first: `assign " + forensics.invokedBy() + " <@person>`.");
        }
        Incident incident = scope.incident();
        String told = scope.tellAll(scope.addressBook().resolve(forensics.invokedBy(), "forensic investigation"),
                "🔎 Forensic investigation is invoked on " + IncidentMessages.headline(incident) + " by "
                        + scope.name(scope.actor().ref()) + ". Reason: " + command.reason()
                        + ". Preserve evidence first. Channel: #" + incident.channel);
        scope.event(TimelineEvent.Type.FORENSICS_INVOKED, command.reason() + " (engaged: " + told + ")");
        scope.announce(Message.text("🔎 Forensic investigation invoked on " + scope.key() + ": " + command.reason()
                + ". " + forensics.invokedBy() + " engaged: " + told + ". Criteria in the plan: "
                + String.join("; ", forensics.criteria()) + "."));
    }
}
