package dev.warroom.incident;

import dev.warroom.notify.Outbox;
import dev.warroom.notify.OutboxWorkers;
import dev.warroom.plan.Plan;
import dev.warroom.plan.PlanRegistry;
import dev.warroom.timer.TimerHandler;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * An incident timer firing: locks the incident (so it waits for a command in flight), re-reads it with its plan, and
 * acts as Warroom in the incident's channel; closed incidents are left alone.
 */
abstract class IncidentTimerHandler implements TimerHandler {

    private static final Logger LOG = Logger.getLogger(IncidentTimerHandler.class);

    @Inject
    PlanRegistry plans;
    @Inject
    Outbox outbox;
    @Inject
    Timeline timeline;
    @Inject
    OutboxWorkers outboxWorkers;
    @Inject
    IncidentTimers timers;
    @Inject
    Escalation escalation;
    @Inject
    Clock clock;

    abstract void fire(IncidentScope scope, Instant due);

    /** Commands lock the incident before they set or clear its timers: the firing does the same, in that order. */
    @Override
    public void lock(String subject) {
        Incident.lockById(Long.parseLong(subject));
    }

    @Override
    public String describe(String subject) {
        return Incident.<Incident>findByIdOptional(Long.parseLong(subject)).map(Incident::key).orElse("incident " + subject);
    }

    @Override
    public void fire(String subject, Instant due) {
        Optional<Incident> found = Incident.lockById(Long.parseLong(subject));
        if (found.isEmpty() || !found.get().isOpen()) {
            return;
        }
        Incident incident = found.get();
        Optional<Plan> plan = plans.active(incident.service).filter(p -> p.severity(incident.severity).isPresent());
        if (plan.isEmpty()) {
            LOG.warnf("Timer %s of %s did nothing: the plan for %s is not loaded", kind(), incident.key(), incident.service);
            return;
        }
        fire(IncidentScope.forTimer(incident, plan.get(), outbox, timeline, clock.instant()), due);
    }

    @Override
    public void afterCommit() {
        outboxWorkers.deliveryRequested();
    }

    /** Escalates for a timer's reason and says so in the channel in one line. */
    Escalation.Outcome escalate(IncidentScope scope, String reason) {
        Escalation.Outcome outcome = escalation.escalate(scope, reason, null);
        scope.post(dev.warroom.command.Message.text(IncidentMessages.timerEscalated(outcome, reason)));
        return outcome;
    }
}
