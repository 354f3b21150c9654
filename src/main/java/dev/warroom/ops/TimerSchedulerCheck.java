package dev.warroom.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/**
 * Ready only while Quartz fires timers: started, not in standby, not shut down. A replica whose scheduler stopped
 * would still take commands, but its share of the timers (escalations, reminders) would wait for another replica.
 * Where the configuration halts the scheduler on purpose (the tests fire timers themselves), the check says so
 * and stays up rather than pretending Quartz runs.
 */
@Readiness
@ApplicationScoped
public class TimerSchedulerCheck implements HealthCheck {

    static final String NAME = "timer scheduler";

    @Inject
    Scheduler quartz;
    @ConfigProperty(name = "quarkus.scheduler.start-mode", defaultValue = "normal")
    String startMode;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        if ("halted".equalsIgnoreCase(startMode)) {
            return response.up().withData("state", "halted")
                    .withData("reason", "quarkus.scheduler.start-mode=halted: timers fire only when asked to").build();
        }
        try {
            String state = quartz.isShutdown() ? "shut down" : quartz.isInStandbyMode() ? "standby"
                    : quartz.isStarted() ? "started" : "not started";
            return response.status("started".equals(state)).withData("state", state)
                    .withData("instance", quartz.getSchedulerInstanceId()).build();
        } catch (SchedulerException e) {
            return response.down().withData("state", "unknown").withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
