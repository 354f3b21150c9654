package dev.warroom.web.dashboard;

import dev.warroom.incident.Incident;
import dev.warroom.incident.IncidentTimers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The timers an incident has pending, soonest first, named as the status card names them ("ack by 09:05 UTC"). */
@ApplicationScoped
public class PendingTimers {

    @Inject
    IncidentTimers timers;
    @Inject
    Clock clock;

    /** The timers port reads in the caller's transaction. */
    @Transactional
    public List<String> of(Incident incident) {
        Instant now = clock.instant();
        return timers.pending(incident).stream().map(t -> IncidentTimers.describe(t, incident, now)).toList();
    }
}
