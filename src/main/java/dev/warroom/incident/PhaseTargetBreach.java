package dev.warroom.incident;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/** A phase not left within the severity's target for it: escalate, with the target named as the reason. */
@ApplicationScoped
public class PhaseTargetBreach extends IncidentTimerHandler {

    @Override
    public String kind() {
        return IncidentTimers.PHASE_TARGET;
    }

    @Override
    void fire(IncidentScope scope, Instant due) {
        Incident incident = scope.incident();
        Duration target = scope.severity().targets().get(incident.phase);
        if (target == null) {
            return;
        }
        String reason = IncidentMessages.targetBreached(incident.phase, target);
        scope.event(TimelineEvent.Type.TARGET_BREACHED, reason + ".");
        escalate(scope, reason);
    }
}
