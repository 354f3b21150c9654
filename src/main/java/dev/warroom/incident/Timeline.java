package dev.warroom.incident;

import dev.warroom.command.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;

/** Appends events to incidents' timelines, in the transaction of the change they describe. */
@ApplicationScoped
public class Timeline {

    @Inject
    Clock clock;
    @Inject
    Event<IncidentEventRecorded> recorded;

    @Transactional(Transactional.TxType.MANDATORY)
    public TimelineEvent add(long incidentId, Actor actor, TimelineEvent.Type type, String details) {
        return add(incidentId, actor.ref(), type, details);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public TimelineEvent add(long incidentId, String actor, TimelineEvent.Type type, String details) {
        TimelineEvent event = new TimelineEvent();
        event.incidentId = incidentId;
        event.at = clock.instant();
        event.actor = actor;
        event.type = type;
        event.details = details;
        event.persist();
        Incident incident = Incident.findById(incidentId);
        recorded.fire(new IncidentEventRecorded(type, actor, details, event.at, incident.service, incident.severity,
                incident.declaredAt, incident.drill, incident.key()));
        return event;
    }
}
