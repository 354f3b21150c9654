package dev.warroom.incident;

import dev.warroom.command.Message;
import dev.warroom.notify.Destination;
import dev.warroom.plan.Phase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** A resolved incident not yet closed: remind the channel and the manager of the lessons and the report, again and again. */
@ApplicationScoped
public class LessonsReminder extends IncidentTimerHandler {

    @Override
    public String kind() {
        return IncidentTimers.LESSONS;
    }

    @Override
    void fire(IncidentScope scope, Instant due) {
        Incident incident = scope.incident();
        if (incident.phase != Phase.RESOLVED) {
            return;
        }
        Message reminder = Message.text(IncidentMessages.lessonsReminder(scope));
        scope.event(TimelineEvent.Type.LESSONS_REMINDER, "Lessons learned and the report are still open; reminded.");
        scope.post(reminder);
        if (incident.manager != null) {
            scope.tell(Destination.person(incident.manager), reminder);
        }
        timers.lessonsReminderAfter(scope);
    }
}
