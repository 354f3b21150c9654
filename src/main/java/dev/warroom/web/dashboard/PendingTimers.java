package dev.warroom.web.dashboard;

import dev.warroom.incident.Incident;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/**
 * HOOK for the timers work (Quartz, not in main yet): the timers an incident has pending, soonest first.
 * Until it is merged none are known and the pages show "—". Once it is, answer from
 * {@code IncidentTimers.pending(incident)}: one {@link TimerDue} per pending timer, named as the status card
 * names it ({@code IncidentTimers.describe}).
 */
@ApplicationScoped
public class PendingTimers {

    /** A pending timer in words: {@code what} ("ack by", "update by", "analysis target") and when it is due. */
    public record TimerDue(String what, Instant due) {}

    public List<TimerDue> of(Incident incident) {
        return List.of();
    }
}
