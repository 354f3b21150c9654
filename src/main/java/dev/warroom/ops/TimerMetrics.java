package dev.warroom.ops;

import dev.warroom.timer.TimerRan;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Locale;

/** How late timers fire (run time minus due time) and what their firings did, by kind. */
@ApplicationScoped
public class TimerMetrics {

    @Inject
    MeterRegistry registry;

    void onRun(@Observes TimerRan run) {
        Timer.builder("warroom.timer.lateness").description("From a timer's due time to its firing, by kind")
                .tag("kind", run.kind()).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofHours(1))
                .register(registry).record(notNegative(Duration.between(run.due(), run.ranAt())));
        Counter.builder("warroom.timer.firings").description("Timer firings, by kind and what they did")
                .tag("kind", run.kind()).tag("outcome", run.outcome().name().toLowerCase(Locale.ROOT))
                .register(registry).increment();
    }

    private static Duration notNegative(Duration lateness) {
        return lateness.isNegative() ? Duration.ZERO : lateness;
    }
}
