package dev.warroom.ops;

import dev.warroom.notify.DeliveryAttempted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Locale;

/**
 * Every delivery attempt by platform and outcome (sent, rate-limited, retry, given up), and how old a message was
 * when it was delivered. Counted when attempted: the platform saw the attempt even if its transaction later failed.
 */
@ApplicationScoped
public class OutboxDeliveryMetrics {

    @Inject
    MeterRegistry registry;

    void onAttempt(@Observes DeliveryAttempted attempt) {
        Counter.builder("warroom.outbox.delivery").description("Outbox delivery attempts, by platform and outcome")
                .tag("platform", attempt.platform()).tag("outcome", attempt.outcome().name().toLowerCase(Locale.ROOT))
                .register(registry).increment();
        if (attempt.outcome() == DeliveryAttempted.Outcome.SENT && attempt.messageCreatedAt() != null) {
            Duration age = Duration.between(attempt.messageCreatedAt(), attempt.attemptedAt());
            Timer.builder("warroom.outbox.message.age").description("From a message's commit to its delivery, by platform")
                    .tag("platform", attempt.platform()).publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofHours(1))
                    .register(registry).record(age.isNegative() ? Duration.ZERO : age);
        }
    }
}
