package dev.warroom.timer;

import dev.warroom.support.QuartzNode;
import dev.warroom.support.RecordingTimerHandler;
import dev.warroom.support.TestClock;
import dev.warroom.support.TestDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Benchmark, not a test (surefire's default names skip it; run it with bench/timers/run.sh): 10,000 timers due within
 * one minute, fired by one clustered Quartz scheduler running the app's sweep job, then by two on the same database (two
 * instances). Prints fire lateness p50/p99/max, missed and duplicated firings.
 */
@QuarkusTest
class TimerBench {

    static final int TIMERS = Integer.getInteger("bench.timers", 10_000);
    static final Duration SPREAD = Duration.ofMinutes(1);
    static final Duration LEAD = Duration.ofSeconds(Long.getLong("bench.lead-seconds", 40));
    static final int WARM_UP = 2_000;

    @ConfigProperty(name = "quarkus.quartz.thread-count")
    int threads;
    @ConfigProperty(name = "warroom.timers.sweep-every")
    String sweepEvery;
    @Inject
    Timers timers;
    @Inject
    Scheduler appScheduler;
    @Inject
    RecordingTimerHandler recorder;
    @Inject
    TestDatabase database;
    @Inject
    TestClock clock;
    @Inject
    EntityManager entityManager;

    @Test
    void oneInstanceThenTwo() throws Exception {
        clock.runWithSystemClock(); // the sweeps compare due times with the app's clock: real time here
        try {
            // A running instance has its firing path compiled by the JIT; a cold JVM fires slower for its first thousands.
            String warmUp = run(1, WARM_UP, Duration.ofSeconds(10), Duration.ofSeconds(5));
            List<String> lines = new ArrayList<>();
            lines.add(run(1, TIMERS, SPREAD, LEAD));
            lines.add(run(2, TIMERS, SPREAD, LEAD));
            System.out.println("\n==== Timer benchmark: " + TIMERS + " timers due within " + SPREAD.toSeconds() + " s, "
                    + threads + " Quartz threads per instance, sweep every " + sweepEvery + ", load average " + loadAverage());
            System.out.println("instances | scheduled in | fired | missed | duplicates | lateness p50 | p99 | max");
            lines.forEach(System.out::println);
            System.out.println("(warm-up before: " + WARM_UP + " timers within 10 s on one instance: " + warmUp + ")");
        } finally {
            clock.set(TestClock.START);
        }
    }

    private String run(int instances, int count, Duration spread, Duration lead) throws Exception {
        database.reset();
        recorder.clear();
        Instant first = Instant.now().plus(lead);
        long scheduling = System.nanoTime();
        for (int batch = 0; batch < count; batch += 500) {
            int from = batch;
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = from; i < Math.min(from + 500, count); i++) {
                    timers.schedule(RecordingTimerHandler.KIND, "bench-" + i,
                            first.plusMillis(spread.toMillis() * i / count));
                }
            });
        }
        Duration scheduledIn = Duration.ofNanos(System.nanoTime() - scheduling);
        if (Instant.now().isAfter(first)) {
            System.out.println("WARNING: scheduling took longer than the lead; raise -Dbench.lead-seconds");
        }
        List<QuartzNode> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) { // halted in tests: start them now, clustered, as in production
                nodes.add(QuartzNode.start(appScheduler.getSchedulerName(), "bench-" + (char) ('a' + i), threads));
            }
            Instant deadline = first.plus(spread).plus(Duration.ofMinutes(3));
            while (firingRows() < count && Instant.now().isBefore(deadline)) {
                Thread.sleep(500); // a benchmark of real time: poll the database until every timer fired or the deadline
            }
        } finally {
            for (QuartzNode node : nodes) {
                node.close();
            }
        }
        List<Long> lateness = new ArrayList<>();
        long duplicates = 0;
        long[] perNode = new long[instances];
        for (RecordingTimerHandler.Firing firing : recorder.firings().values()) {
            lateness.add(firing.firedAtMillis() - firing.due().toEpochMilli());
            duplicates += firing.count().get() - 1;
            int node = firing.thread().startsWith("bench-") ? firing.thread().charAt(6) - 'a' : -1;
            if (node >= 0 && node < instances) {
                perNode[node]++;
            }
        }
        Collections.sort(lateness);
        long missed = count - recorder.firings().size();
        return String.format("%d | %.1f s | %d | %d | %d | %d ms | %d ms | %d ms | per instance %s", instances,
                scheduledIn.toMillis() / 1000.0, recorder.firings().size(), missed, duplicates,
                percentile(lateness, 50), percentile(lateness, 99), lateness.isEmpty() ? -1 : lateness.get(lateness.size() - 1),
                java.util.Arrays.toString(perNode));
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
