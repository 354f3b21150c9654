package dev.warroom.timer;

import dev.warroom.support.RecordingTimerHandler;
import dev.warroom.support.ScenarioTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Two pollers on one database, as two Warroom instances: 1,000 timers due, each fired exactly once. */
@QuarkusTest
class ClusteredTimersTest extends ScenarioTest {

    static final int TIMERS = 1000;

    @Inject
    Timers timers;
    @Inject
    TimerFiring firing;
    @Inject
    RecordingTimerHandler recorder;
    @Inject
    EntityManager entityManager;

    @Test
    void twoInstancesFireEachOfAThousandTimersOnce() throws Exception {
        recorder.clear();
        // The pollers run on the system clock: these timers are due for real, a moment from now.
        Instant due = Instant.now().plusSeconds(2);
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < TIMERS; i++) {
                timers.schedule(RecordingTimerHandler.KIND, "timer-" + i, due);
            }
        });

        Duration pollEvery = Duration.ofMillis(100);
        try (TimerPoller a = TimerPoller.start(timers, firing, Clock.systemUTC(), 4, pollEvery, "node-a");
             TimerPoller b = TimerPoller.start(timers, firing, Clock.systemUTC(), 4, pollEvery, "node-b")) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
            while (firingRows() < TIMERS && Instant.now().isBefore(deadline)) {
                Thread.sleep(100); // polling the database for the real pollers' work, bounded by the deadline
            }
        }

        assertThat(firingRows()).isEqualTo(TIMERS);
        assertThat(recorder.firings()).hasSize(TIMERS);
        assertThat(recorder.firings().values()).allSatisfy(f -> assertThat(f.count().get()).isEqualTo(1));
        long onA = recorder.firings().values().stream().filter(f -> f.thread().startsWith("node-a-")).count();
        long onB = recorder.firings().values().stream().filter(f -> f.thread().startsWith("node-b-")).count();
        assertThat(onA + onB).isEqualTo(TIMERS);
        System.out.printf("Cluster test: node-a fired %d timers, node-b %d%n", onA, onB);
        assertThat(QuarkusTransaction.requiringNew().call(() -> timers.pendingOfKind(RecordingTimerHandler.KIND))).isEmpty();
    }

    private long firingRows() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from timer_firing where kind = 'test'").getSingleResult()).longValue());
    }
}
