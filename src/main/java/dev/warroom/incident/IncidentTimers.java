package dev.warroom.incident;

import dev.warroom.timer.PendingTimer;
import dev.warroom.timer.Timers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Sets and clears an incident's timers as it moves; each call joins the transaction of the change. */
@ApplicationScoped
public class IncidentTimers {

    public static final String ACK = "ack";
    public static final String PHASE_TARGET = "phase-target";
    public static final String UPDATE = "update-reminder";
    public static final String LESSONS = "lessons-reminder";
    static final List<String> KINDS = List.of(ACK, PHASE_TARGET, UPDATE, LESSONS);
    /** Lessons-learned reminders when the plan sets no {@code lessons.remind_every}. */
    static final Duration LESSONS_DEFAULT = Duration.ofDays(1);

    @Inject
    Timers timers;

    void declared(IncidentScope scope) {
        if (scope.incident().manager != null) {
            managerAssigned(scope);
        }
        phaseEntered(scope);
        updated(scope);
    }

    /** A manager assigned (declare, handover, or a missed acknowledgement) has the severity's ack_within from now. */
    void managerAssigned(IncidentScope scope) {
        timers.schedule(ACK, subject(scope), scope.now().plus(scope.severity().ackWithin()));
    }

    void acknowledged(IncidentScope scope) {
        timers.cancel(ACK, subject(scope));
    }

    void phaseEntered(IncidentScope scope) {
        Incident incident = scope.incident();
        Duration target = scope.severity().targets().get(incident.phase);
        if (target == null) {
            timers.cancel(PHASE_TARGET, subject(scope));
        } else {
            timers.schedule(PHASE_TARGET, subject(scope), incident.phaseEnteredAt.plus(target));
        }
    }

    /** A status update (or the declaration) starts the next update_every; missed reminders start again from zero. */
    void updated(IncidentScope scope) {
        scope.incident().missedUpdates = 0;
        updateReminderAfter(scope);
    }

    void updateReminderAfter(IncidentScope scope) {
        timers.schedule(UPDATE, subject(scope), scope.now().plus(scope.severity().updateEvery()));
    }

    void resolved(IncidentScope scope) {
        timers.cancel(ACK, subject(scope));
        timers.cancel(PHASE_TARGET, subject(scope));
        timers.cancel(UPDATE, subject(scope));
        lessonsReminderAfter(scope);
    }

    void lessonsReminderAfter(IncidentScope scope) {
        Duration every = scope.plan().lessons().remindEvery();
        timers.schedule(LESSONS, subject(scope), scope.now().plus(every != null ? every : LESSONS_DEFAULT));
    }

    void closed(IncidentScope scope) {
        KINDS.forEach(kind -> timers.cancel(kind, subject(scope)));
    }

    public List<PendingTimer> pending(Incident incident) {
        return timers.pendingAbout(Long.toString(incident.id), KINDS);
    }

    /** How the status card names a waiting timer. */
    public static String describe(PendingTimer timer, Incident incident, Instant now) {
        boolean today = LocalDate.ofInstant(timer.due(), ZoneOffset.UTC).equals(LocalDate.ofInstant(now, ZoneOffset.UTC));
        String at = today ? IncidentMessages.time(timer.due()) : IncidentMessages.dateTime(timer.due());
        return switch (timer.kind()) {
            case ACK -> "ack by " + at;
            case PHASE_TARGET -> incident.phase.word() + " target " + at;
            case UPDATE -> "update by " + at;
            case LESSONS -> "lessons reminder " + at;
            default -> timer.kind() + " " + at;
        };
    }

    private static String subject(IncidentScope scope) {
        return Long.toString(scope.incident().id);
    }
}
