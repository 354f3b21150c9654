package dev.warroom.incident;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** An incident timer (kind {@code incident-flaky}) whose action always throws after it posted, as a broken one would. */
@ApplicationScoped
public class FailingIncidentTimer extends IncidentTimerHandler {

    public static final String KIND = "incident-flaky";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    void fire(IncidentScope scope, Instant due) {
        scope.post(dev.warroom.command.Message.text("half-way through a broken timer"));
        throw new IllegalStateException("the plan's escalation level vanished");
    }
}
