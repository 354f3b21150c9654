package dev.warroom.ops;

import dev.warroom.incident.IncidentEventRecorded;
import dev.warroom.incident.TimelineEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Locale;

/**
 * Incident counters and durations, counted from the timeline once its transaction has committed (a
 * command that rolled back counts nothing). Drills are counted apart ({@code drill="true"}).
 */
@ApplicationScoped
public class IncidentMetrics {

    @Inject
    MeterRegistry registry;

    void onEvent(@Observes(during = TransactionPhase.AFTER_SUCCESS) IncidentEventRecorded event) {
        switch (event.type()) {
            case DECLARED -> counter("warroom.incidents.declared", "Incidents declared", event).increment();
            case RESOLVED -> {
                counter("warroom.incidents.resolved", "Incidents resolved", event).increment();
                timer("warroom.incident.time.to.resolve", "From declare to resolve", event)
                        .record(Duration.between(event.declaredAt(), event.at()));
            }
            case ACKNOWLEDGED -> timer("warroom.incident.time.to.acknowledge", "From declare to the manager's ack", event)
                    .record(Duration.between(event.declaredAt(), event.at()));
            case ESCALATED -> Counter.builder("warroom.escalations").description("Escalations, by why")
                    .tag("service", event.service()).tag("severity", event.severity()).tag("reason", escalationReason(event))
                    .register(registry).increment();
            default -> {
            }
        }
    }

    /** Timers escalate with their reason first ("No acknowledgement …", "… target … breached"); people escalate by hand. */
    static String escalationReason(IncidentEventRecorded event) {
        String details = event.details().toLowerCase(Locale.ROOT);
        if (details.contains("no acknowledgement")) {
            return "ack_timeout";
        }
        if (details.contains("target") && details.contains("breached")) {
            return "phase_target";
        }
        if (details.contains("no status update")) {
            return "update_missed";
        }
        return "manual";
    }

    private Counter counter(String name, String description, IncidentEventRecorded event) {
        return Counter.builder(name).description(description).tag("service", event.service())
                .tag("severity", event.severity()).tag("drill", Boolean.toString(event.drill())).register(registry);
    }

    private Timer timer(String name, String description, IncidentEventRecorded event) {
        return Timer.builder(name).description(description).tag("service", event.service())
                .tag("severity", event.severity()).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofSeconds(10)).maximumExpectedValue(Duration.ofDays(7))
                .register(registry);
    }
}
