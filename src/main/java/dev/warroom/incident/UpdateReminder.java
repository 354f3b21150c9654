package dev.warroom.incident;

import dev.warroom.command.Message;
import dev.warroom.notify.Destination;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/**
 * No status update for the severity's update_every: remind the manager in the channel and directly; from the second
 * reminder missed in a row, escalate. Reminders go on every update_every until an update or resolve.
 */
@ApplicationScoped
public class UpdateReminder extends IncidentTimerHandler {

    @Override
    public String kind() {
        return IncidentTimers.UPDATE;
    }

    @Override
    void fire(IncidentScope scope, Instant due) {
        Incident incident = scope.incident();
        incident.missedUpdates++;
        Instant lastUpdate = incident.lastUpdateAt != null ? incident.lastUpdateAt : incident.declaredAt;
        Duration silent = Duration.between(lastUpdate, scope.now());
        Message reminder = Message.text(IncidentMessages.updateDue(scope, silent));
        scope.event(TimelineEvent.Type.UPDATE_MISSED, IncidentMessages.noUpdate(silent) + " (" + incident.missedUpdates
                + " in a row); " + scope.managerName() + " reminded.");
        if (incident.missedUpdates == 1) {
            scope.post(reminder);
        } else {
            escalate(scope, IncidentMessages.noUpdate(silent));
        }
        if (incident.manager != null) {
            scope.tell(Destination.person(incident.manager), reminder);
        }
        timers.updateReminderAfter(scope);
    }
}
