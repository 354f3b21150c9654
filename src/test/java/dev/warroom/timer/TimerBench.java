package dev.warroom.timer;

import dev.warroom.support.QuartzNode;
import dev.warroom.support.RecordingTimerHandler;
import dev.warroom.support.TestDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Benchmark, not a test (surefire's default names skip it; run it with bench/timers/run.sh): 10,000 timers due within
 * one minute, fired by the app's own Quartz scheduler alone, then by it and a second scheduler on the same database.
 * Prints fire lateness p50/p99/max, missed and duplicated firings.
 */
@QuarkusTest
class TimerBench {

    static final int TIMERS = Integer.getInteger("bench.timers", 10_000);
    static final Duration SPREAD = Duration.ofMinutes(1);
    static final Duration LEAD = Duration.ofSeconds(Long.getLong("bench.lead-seconds", 40));
    static final int THREADS = 8; // quarkus.quartz.thread-count

    @Inject
    Timers timers;
    @Inject
    Scheduler appScheduler;
    @Inject
    RecordingTimerHandler recorder;
    @Inject
    TestDatabase database;
    @Inject
    EntityManager entityManager;

    @Test
    void oneInstanceThenTwo() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(run(1));
        lines.add(run(2));
        System.out.println("\n==== Timer benchmark: " + TIMERS + " timers due within " + SPREAD.toSeconds() + " s, "
                + THREADS + " Quartz threads per instance, load average " + loadAverage());
        System.out.println("instances | scheduled in | fired | missed | duplicates | lateness p50 | p99 | max");
        lines.forEach(System.out::println);
    }

    private String run(int instances) throws Exception {
        database.reset();
        recorder.clear();
        Instant first = Instant.now().plus(LEAD);
        long scheduling = System.nanoTime();
        for (int batch = 0; batch < TIMERS; batch += 500) {
            int from = batch;
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = from; i < Math.min(from + 500, TIMERS); i++) {
                    timers.schedule(RecordingTimerHandler.KIND, "bench-" + i,
                            first.plusMillis(SPREAD.toMillis() * i / TIMERS));
                }
            });
        }
        Duration scheduledIn = Duration.ofNanos(System.nanoTime() - scheduling);
        if (Instant.now().isAfter(first)) {
            System.out.println("WARNING: scheduling took longer than the lead; raise -Dbench.lead-seconds");
        }
        appScheduler.start(); // halted in tests: run it now, as in production
        QuartzNode second = instances > 1 ? QuartzNode.start(appScheduler.getSchedulerName(), "bench-b", THREADS) : null;
        try {
            Instant deadline = first.plus(SPREAD).plus(Duration.ofMinutes(3));
            while (firingRows() < TIMERS && Instant.now().isBefore(deadline)) {
                Thread.sleep(500); // a benchmark of real time: poll the database until every timer fired or the deadline
            }
        } finally {
            appScheduler.standby();
            if (second != null) {
                second.close();
            }
        }
        List<Long> lateness = new ArrayList<>();
        long duplicates = 0;
        for (RecordingTimerHandler.Firing firing : recorder.firings().values()) {
            lateness.add(firing.firedAtMillis() - firing.due().toEpochMilli());
            duplicates += firing.count().get() - 1;
        }
        Collections.sort(lateness);
        long missed = TIMERS - recorder.firings().size();
        return String.format("%d | %.1f s | %d | %d | %d | %d ms | %d ms | %d ms", instances,
                scheduledIn.toMillis() / 1000.0, recorder.firings().size(), missed, duplicates,
                percentile(lateness, 50), percentile(lateness, 99), lateness.isEmpty() ? -1 : lateness.get(lateness.size() - 1));
    }

    private long firingRows() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from timer_firing where kind = 'test'").getSingleResult()).longValue());
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
