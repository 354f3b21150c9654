package dev.warroom.incident;

import dev.warroom.command.Message;
import dev.warroom.notify.Destination;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;

/**
 * No acknowledgement within the severity's ack_within: escalate one level, hand the incident to the next eligible
 * manager (page them, with a fresh ack timer), or keep the manager when nobody else is free.
 */
@ApplicationScoped
public class AckTimeout extends IncidentTimerHandler {

    @Inject
    EligibleManagerPicker managerPicker;

    @Override
    public String kind() {
        return IncidentTimers.ACK;
    }

    @Override
    void fire(IncidentScope scope, Instant due) {
        Incident incident = scope.incident();
        if (incident.manager == null || incident.acknowledgedAt != null) {
            return;
        }
        String reason = IncidentMessages.noAcknowledgement(scope);
        scope.event(TimelineEvent.Type.ACK_MISSED, reason + ".");
        Escalation.Outcome outcome = escalate(scope, reason);
        String previous = scope.managerName();
        EligibleManagerPicker.ManagerPick pick = managerPicker.pick(scope.plan());
        if (pick.chosen().isPresent()) {
            incident.manager = pick.chosen().get();
            ManagerAssignment.record(incident.manager, incident, scope.now());
            scope.event(TimelineEvent.Type.HANDOVER, "Incident manager: " + previous + " → " + scope.managerName()
                    + " (no acknowledgement). " + IncidentMessages.pickExplanation(scope, pick));
            scope.post(Message.text(IncidentMessages.managerReplaced(scope, previous)));
            scope.page(Destination.person(incident.manager), IncidentMessages.managerAssigned(scope)
                    .withSubject(IncidentMessages.pageSubject(incident, "you are now the incident manager")));
            scope.refreshCards();
        } else {
            scope.post(Message.text(IncidentMessages.managerKept(scope)));
        }
        if (outcome.step() != Escalation.Step.STOPPED) {
            timers.managerAssigned(scope);
        }
    }
}
