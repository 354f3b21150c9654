package dev.warroom.support;

import dev.warroom.timer.TimerHandler;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Timers of kind {@code test}: records each subject's firings and when they ran, for cluster tests and the benchmark. */
@ApplicationScoped
public class RecordingTimerHandler implements TimerHandler {

    public static final String KIND = "test";

    /** How often a subject fired, when it was due, when and on which thread it first fired. */
    public record Firing(AtomicInteger count, Instant due, long firedAtMillis, String thread) {}

    private final Map<String, Firing> firings = new ConcurrentHashMap<>();

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void fire(String subject, Instant due) {
        long now = System.currentTimeMillis();
        firings.computeIfAbsent(subject, s -> new Firing(new AtomicInteger(), due, now, Thread.currentThread().getName())).count().incrementAndGet();
    }

    public Map<String, Firing> firings() {
        return firings;
    }

    public void clear() {
        firings.clear();
    }
}
