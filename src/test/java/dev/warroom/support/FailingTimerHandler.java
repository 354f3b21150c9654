package dev.warroom.support;

import dev.warroom.timer.TimerHandler;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Timers of kind {@code flaky}: the next firings throw, as a handler whose database or plan is broken would. */
@ApplicationScoped
public class FailingTimerHandler implements TimerHandler {

    public static final String KIND = "flaky";

    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final List<String> fired = new CopyOnWriteArrayList<>();

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void fire(String subject, Instant due) {
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("the paging service is down");
        }
        fired.add(subject);
    }

    /** The next {@code n} firings throw. */
    public void failNext(int n) {
        failuresLeft.set(n);
        fired.clear();
    }

    /** Subjects whose firing went through, in order. */
    public List<String> fired() {
        return fired;
    }
}
