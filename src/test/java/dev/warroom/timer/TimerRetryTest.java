package dev.warroom.timer;

import dev.warroom.support.CapturedLog;
import dev.warroom.support.FailingTimerHandler;
import dev.warroom.support.ScenarioTest;
import dev.warroom.support.TestClock;
import dev.warroom.support.TimerClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A firing whose handler throws is rolled back and tried again later, a bounded number of times; never lost silently. */
@QuarkusTest
class TimerRetryTest extends ScenarioTest {

    static final Instant DUE = TestClock.START.plus(Duration.ofMinutes(5));

    @Inject
    TimerClock timerClock;
    @Inject
    Timers timers;
    @Inject
    FailingTimerHandler handler;
    @Inject
    EntityManager entityManager;

    @Test
    void aFailedFiringIsTriedAgainWithBackoffAndThenFiresOnce() {
        handler.failNext(2);
        schedule("disk-full");

        try (CapturedLog log = CapturedLog.of(TimerFiring.class)) {
            assertThat(timerClock.at(DUE)).isZero();
            assertThat(row("disk-full")).containsExactly(1, "the paging service is down", false);
            assertThat(timerClock.nextFire(FailingTimerHandler.KIND, "disk-full")).contains(DUE.plusSeconds(1));
            assertThat(log.lines()).containsExactly("WARN Timer flaky of disk-full (due 2026-11-25T09:05:00Z) failed "
                    + "(attempt 1 of 10), tried again at 2026-11-25T09:05:01Z: the paging service is down");

            assertThat(timerClock.advance(Duration.ofMillis(999))).isZero(); // not before its retry time
            assertThat(timerClock.advance(Duration.ofMillis(1))).isZero();
            assertThat(row("disk-full")).containsExactly(2, "the paging service is down", false);
            assertThat(timerClock.nextFire(FailingTimerHandler.KIND, "disk-full")).contains(DUE.plusSeconds(3));

            assertThat(timerClock.advance(Duration.ofSeconds(2))).isEqualTo(1);
        }
        assertThat(handler.fired()).containsExactly("disk-full");
        assertThat(firings("disk-full")).isEqualTo(1);
        assertThat(timerClock.nextFire(FailingTimerHandler.KIND, "disk-full")).isEmpty();
        assertThat(timerClock.advance(Duration.ofHours(1))).isZero();
        assertThat(handler.fired()).containsExactly("disk-full");
    }

    @Test
    void aTimerThatKeepsFailingIsGivenUpLoudlyAndKept() {
        handler.failNext(Integer.MAX_VALUE);
        schedule("disk-full");

        try (CapturedLog log = CapturedLog.of(TimerFiring.class)) {
            timerClock.at(DUE);
            for (int attempt = 1; attempt < TimerFiring.MAX_ATTEMPTS; attempt++) {
                timerClock.advance(TimerFiring.retryAfter(attempt));
            }
            assertThat(log.lines()).hasSize(10);
            assertThat(log.lines().get(8)).startsWith("WARN Timer flaky of disk-full (due 2026-11-25T09:05:00Z) failed "
                    + "(attempt 9 of 10), tried again at ");
            assertThat(log.lines().get(9)).isEqualTo("ERROR Timer flaky of disk-full (due 2026-11-25T09:05:00Z) failed "
                    + "10 times and is given up: the paging service is down");
        }
        assertThat(row("disk-full")).containsExactly(10, "the paging service is down", true);
        assertThat(timerClock.advance(Duration.ofDays(1))).isZero();
        assertThat(timerClock.nextFire(FailingTimerHandler.KIND, "disk-full")).isEmpty();
        assertThat(firings("disk-full")).isZero();
        assertThat(handler.fired()).isEmpty();

        // Set again (the condition came back), it is a fresh timer with a clean slate.
        Instant later = clockNow().plus(Duration.ofMinutes(1));
        QuarkusTransaction.requiringNew().run(() -> timers.schedule(FailingTimerHandler.KIND, "disk-full", later));
        assertThat(row("disk-full")).containsExactly(0, null, false);
    }

    @Test
    void theRetriesRetryTheSameFiringNotANewOne() {
        handler.failNext(1);
        schedule("disk-full");
        timerClock.at(DUE);
        assertThat(QuarkusTransaction.requiringNew().call(() -> timers.pending(FailingTimerHandler.KIND, "disk-full")))
                .contains(new PendingTimer(FailingTimerHandler.KIND, "disk-full", DUE));

        timerClock.advance(Duration.ofSeconds(1));

        assertThat(QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "select due from timer_firing where kind = 'flaky' and subject = 'disk-full'").getResultList())
                .stream().map(Timers::instant).toList()).containsExactly(DUE);
    }

    @Test
    void theWaitDoublesUpToFiveMinutes() {
        assertThat(List.of(1, 2, 3, 8, 9, 10, 40).stream().map(TimerFiring::retryAfter).toList()).containsExactly(
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(128),
                Duration.ofSeconds(256), Duration.ofMinutes(5), Duration.ofMinutes(5));
    }

    private Instant clockNow() {
        return clock.instant();
    }

    private void schedule(String subject) {
        QuarkusTransaction.requiringNew().run(() -> timers.schedule(FailingTimerHandler.KIND, subject, DUE));
    }

    /** The stored timer: attempts, last error, given up. */
    private List<Object> row(String subject) {
        Object[] row = (Object[]) QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "select attempts, last_error, gave_up_at is not null from timer where kind = 'flaky' and subject = ?1")
                .setParameter(1, subject).getSingleResult());
        return java.util.Arrays.asList(((Number) row[0]).intValue(), row[1], row[2]);
    }

    private long firings(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from timer_firing where kind = 'flaky' and subject = ?1").setParameter(1, subject)
                .getSingleResult()).longValue());
    }
}
