package dev.warroom.timer;

import dev.warroom.support.QuartzNode;
import dev.warroom.support.RecordingTimerHandler;
import dev.warroom.support.ScenarioTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.JobListener;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.impl.matchers.EverythingMatcher;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Two schedulers on one database, as two Warroom instances: 1,000 timers due, each fired exactly once. */
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
    void twoSchedulersFireEachOfAThousandTimersOnce() throws Exception {
        recorder.clear();
        // Quartz fires by the system clock: these timers are due for real, a moment from now.
        Instant due = Instant.now().plusSeconds(2);
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < TIMERS; i++) {
                timers.schedule(RecordingTimerHandler.KIND, "timer-" + i, due);
            }
        });

        AtomicInteger ranOnA = new AtomicInteger();
        AtomicInteger ranOnB = new AtomicInteger();
        try (QuartzNode a = QuartzNode.start(appScheduler.getSchedulerName(), "node-a", 4);
             QuartzNode b = QuartzNode.start(appScheduler.getSchedulerName(), "node-b", 4)) {
            count(a, ranOnA);
            count(b, ranOnB);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
            while (firingRows() < TIMERS && Instant.now().isBefore(deadline)) {
                Thread.onSpinWait();
                Thread.sleep(100); // polling the database for the real schedulers' work, bounded by the deadline
            }
        }

        assertThat(firingRows()).isEqualTo(TIMERS);
        assertThat(recorder.firings()).hasSize(TIMERS);
        assertThat(recorder.firings().values()).allSatisfy(f -> assertThat(f.count().get()).isEqualTo(1));
        assertThat(ranOnA.get() + ranOnB.get()).isEqualTo(TIMERS);
        System.out.printf("Cluster test: node-a ran %d timers, node-b %d%n", ranOnA.get(), ranOnB.get());
        assertThat(QuarkusTransaction.requiringNew().call(() -> timers.pendingOfKind(RecordingTimerHandler.KIND))).isEmpty();
    }

    private long firingRows() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from timer_firing where kind = 'test'").getSingleResult()).longValue());
    }

    private static void count(QuartzNode node, AtomicInteger ran) throws Exception {
        node.scheduler().getListenerManager().addJobListener(new JobListener() {
            @Override
            public String getName() {
                return "count";
            }

            @Override
            public void jobToBeExecuted(JobExecutionContext context) {
            }

            @Override
            public void jobExecutionVetoed(JobExecutionContext context) {
            }

            @Override
            public void jobWasExecuted(JobExecutionContext context, JobExecutionException e) {
                ran.incrementAndGet();
            }
        }, EverythingMatcher.allJobs());
    }
}
