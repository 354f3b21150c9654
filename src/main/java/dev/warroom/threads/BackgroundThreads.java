package dev.warroom.threads;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for work nobody waits on at that moment (the work behind acknowledged chat requests, the outbox's
 * deliveries), run below the threads that answer requests ({@code WARROOM_BACKGROUND_NICE}).
 *
 * <p>Why: Slack wants its ack within 3 seconds and re-sends what it thinks failed. Under a burst of commands the work
 * behind them took the CPU from the acks: at 50 clients on 2 cores the ack p99 was 3.6-6x a bare endpoint's, and with
 * the work at nice 19 2.1-3x (bench/README.md, round 6). Idle CPU still goes to the work at once, so it is only
 * later while requests keep every core busy. Timers keep the normal priority, to fire on time.
 */
@ApplicationScoped
public class BackgroundThreads {

    private static final Logger LOG = Logger.getLogger(BackgroundThreads.class);

    @ConfigProperty(name = "warroom.background-nice", defaultValue = "19")
    int nice;

    private final AtomicBoolean reported = new AtomicBoolean();

    /** Daemon threads named {@code name-1}, {@code name-2}…, each at the background nice value once it starts. */
    public ThreadFactory named(String name) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(() -> {
                lowerThisThread();
                runnable.run();
            }, name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private void lowerThisThread() {
        if (nice <= 0) {
            return;
        }
        int level = Math.min(nice, 19); // Linux's lowest priority
        String problem = NiceValue.setForCallingThread(level);
        if (reported.compareAndSet(false, true)) {
            if (problem == null) {
                LOG.infof("Chat work and outbox delivery run at nice %d, below request handling", level);
            } else if (!NiceValue.perThread()) {
                LOG.infof("Chat work and outbox delivery run at the same priority as request handling (%s)", problem);
            } else {
                LOG.warnf("Chat work and outbox delivery run at the same priority as request handling (%s): under "
                        + "a burst of commands Slack's acks may be slower", problem);
            }
        }
    }
}
