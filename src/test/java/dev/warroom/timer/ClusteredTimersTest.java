package dev.warroom.timer;

import dev.warroom.support.QuartzNode;
import dev.warroom.support.RecordingTimerHandler;
import dev.warroom.support.ScenarioTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Quartz schedulers on one database, as two Warroom instances: the app's sweep trigger in the clustered store, 1,000
 * timers due, each fired exactly once.
 */
@QuarkusTest
class ClusteredTimersTest extends ScenarioTest {

    static final int TIMERS = 1000;

    @Inject
    Timers timers;
    @Inject
    Scheduler appScheduler;
    @Inject
    RecordingTimerHandler recorder;
    @Inject
    EntityManager entityManager;

    @Test
    void theAppStoresOneSweepTriggerRepeatingEveryQuarterSecond() {
        Trigger sweep = QuarkusTransaction.requiringNew().call(() -> appScheduler.getTrigger(TimerSweepTrigger.TRIGGER));
        assertThat(sweep).isInstanceOfSatisfying(SimpleTrigger.class, simple -> {
            assertThat(simple.getRepeatInterval()).isEqualTo(250);
            assertThat(simple.getRepeatCount()).isEqualTo(SimpleTrigger.REPEAT_INDEFINITELY);
            assertThat(simple.getMisfireInstruction())
                    .isEqualTo(SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NEXT_WITH_REMAINING_COUNT);
        });
        assertThat(sweep.getJobKey()).isEqualTo(TimerSweepTrigger.JOB);
    }

    @Test
    void twoSchedulersFireEachOfAThousandTimersOnce() throws Exception {
        recorder.clear();
        // Due by the app's (test) clock, which the sweeps read; Quartz fires the sweep trigger by the system clock.
        Instant due = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < TIMERS; i++) {
                timers.schedule(RecordingTimerHandler.KIND, "timer-" + i, due);
            }
        });

        try (QuartzNode a = QuartzNode.start(appScheduler.getSchedulerName(), "node-a", 4);
             QuartzNode b = QuartzNode.start(appScheduler.getSchedulerName(), "node-b", 4)) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
            while (firingRows() < TIMERS && Instant.now().isBefore(deadline)) {
                Thread.sleep(100); // polling the database for the real schedulers' work, bounded by the deadline
            }
        }

        assertThat(firingRows()).isEqualTo(TIMERS);
        assertThat(recorder.firings()).hasSize(TIMERS);
        assertThat(recorder.firings().values()).allSatisfy(f -> assertThat(f.count().get()).isEqualTo(1));
        long onA = recorder.firings().values().stream().filter(f -> f.thread().startsWith("node-a")).count();
        long onB = recorder.firings().values().stream().filter(f -> f.thread().startsWith("node-b")).count();
        assertThat(onA + onB).isEqualTo(TIMERS);
        System.out.printf("Cluster test: node-a fired %d timers, node-b %d%n", onA, onB);
        assertThat(QuarkusTransaction.requiringNew().call(() -> timers.pendingOfKind(RecordingTimerHandler.KIND))).isEmpty();
    }

    private long firingRows() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from timer_firing where kind = 'test'").getSingleResult()).longValue());
    }
}
