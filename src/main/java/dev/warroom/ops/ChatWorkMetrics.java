package dev.warroom.ops;

import dev.warroom.chat.AcknowledgedWork;
import dev.warroom.chat.ChatRequestRefused;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** The chat work queue: how many acknowledged requests wait for a thread, and the requests refused with 503. */
@Startup
@ApplicationScoped
public class ChatWorkMetrics {

    @Inject
    MeterRegistry registry;
    @Inject
    AcknowledgedWork work;

    @PostConstruct
    void register() {
        Gauge.builder("warroom.chat.work.waiting", work, AcknowledgedWork::waiting)
                .description("Acknowledged Slack and Teams requests whose work waits for a thread").register(registry);
    }

    void onRefused(@Observes ChatRequestRefused refused) {
        Counter.builder("warroom.chat.requests.refused")
                .description("Slack and Teams requests answered 503, by platform and why (busy, stopping, unstored)")
                .tag("platform", refused.platform()).tag("reason", refused.reason()).register(registry).increment();
    }
}
