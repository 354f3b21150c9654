package dev.warroom.incident;

import dev.warroom.support.CapturedLog;
import dev.warroom.support.ScenarioTest;
import dev.warroom.support.TestClock;
import dev.warroom.support.TimerClock;
import dev.warroom.support.QuartzNode;
import dev.warroom.timer.TimerFiring;
import dev.warroom.timer.Timers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static dev.warroom.support.LocalChatClient.botTexts;
import static dev.warroom.support.LocalChatClient.say;
import static org.assertj.core.api.Assertions.assertThat;

/** Incident timers under trouble: a broken firing changes nothing and is retried; a slow command holds up only its incident. */
@QuarkusTest
class IncidentTimerRobustnessTest extends ScenarioTest {

    static final String INC_1_CHANNEL = "inc-1-checkout-failing";
    static final String INC_2_CHANNEL = "inc-2-refunds-failing";
    static final Instant ACK_DUE = TestClock.START.plus(Duration.ofMinutes(5));

    @Inject
    TimerClock timerClock;
    @Inject
    Timers timers;
    @Inject
    Scheduler appScheduler;

    @Test
    void aBrokenIncidentTimerIsRolledBackRetriedAndLoggedWithTheIncidentKey() {
        say("zoe", "general", "/incident declare payments-api high Checkout failing");
        List<String> channel = botTexts(INC_1_CHANNEL);
        List<String> timeline = timelineTypes("INC-1");
        Instant due = TestClock.START.plus(Duration.ofMinutes(1));
        QuarkusTransaction.requiringNew().run(() -> timers.schedule(FailingIncidentTimer.KIND, "1", due));

        try (CapturedLog log = CapturedLog.of(TimerFiring.class)) {
            assertThat(timerClock.at(due)).isZero();
            assertThat(log.lines()).containsExactly("WARN Timer incident-flaky of INC-1 (due 2026-11-25T09:01:00Z) "
                    + "failed (attempt 1 of 10), tried again at 2026-11-25T09:01:01Z: the plan's escalation level vanished");
        }
        assertThat(botTexts(INC_1_CHANNEL)).isEqualTo(channel); // what it posted before it threw was rolled back
        assertThat(timelineTypes("INC-1")).isEqualTo(timeline);
        assertThat(timerClock.nextFire(FailingIncidentTimer.KIND, "1")).contains(due.plusSeconds(1));
    }

    @Test
    void aCommandHoldingItsIncidentHoldsUpNeitherOtherIncidentsNorTheirTimersAndDeadlocksNothing() throws Exception {
        say("zoe", "general", "/incident declare payments-api high Checkout failing"); // alice manages INC-1
        say("zoe", "general", "/incident declare payments-api high Refunds failing"); // so bob manages INC-2
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        QuartzNode node = null;
        try {
            // A command on INC-1 that set a timer and is still working: its transaction keeps the incident locked.
            Future<?> slowCommand = threads.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                Incident.lockById(1L);
                timers.schedule(IncidentTimers.UPDATE, "1", TestClock.START.plus(Duration.ofHours(1)));
                holding.countDown();
                awaitQuietly(release);
            }));
            assertThat(holding.await(120, TimeUnit.SECONDS)).isTrue();

            threads.submit(() -> say("bob", INC_2_CHANNEL, "/incident phase analysis")).get(120, TimeUnit.SECONDS);
            assertThat(timerClock.nextFire(IncidentTimers.PHASE_TARGET, "2")).contains(TestClock.START.plus(Duration.ofMinutes(15)));

            clock.set(ACK_DUE); // both acknowledgement timers are due; INC-1's firing waits for the slow command
            node = QuartzNode.start(appScheduler.getSchedulerName(), "robustness", 4); // sweeping as in production
            awaitTrue(() -> botTexts(INC_2_CHANNEL).stream().anyMatch(t -> t.startsWith("No acknowledgement from Bob Jones")));
            assertThat(botTexts(INC_1_CHANNEL)).noneMatch(t -> t.startsWith("No acknowledgement"));

            release.countDown();
            slowCommand.get(120, TimeUnit.SECONDS);
            clock.advance(Duration.ofSeconds(1)); // a timer whose incident was busy is tried again a second later
            awaitTrue(() -> botTexts(INC_1_CHANNEL).stream().anyMatch(t -> t.startsWith("No acknowledgement from Alice Smith")));
        } finally {
            release.countDown();
            if (node != null) {
                node.close();
            }
            threads.shutdownNow();
        }
        assertThat(botTexts(INC_1_CHANNEL)).filteredOn(t -> t.startsWith("No acknowledgement")).containsExactly(
                "No acknowledgement from Alice Smith within 5m — escalating to level 2: Payments engineering leads");
        assertThat(botTexts(INC_2_CHANNEL)).filteredOn(t -> t.startsWith("No acknowledgement")).containsExactly(
                "No acknowledgement from Bob Jones within 5m — escalating to level 2: Payments engineering leads");
        assertThat(timerClock.nextFire(IncidentTimers.UPDATE, "1")).contains(TestClock.START.plus(Duration.ofHours(1)));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(300, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for Quartz's threads, which run by themselves: bounded, polling what a user would see. */
    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("not within 120 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
