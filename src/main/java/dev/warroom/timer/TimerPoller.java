package dev.warroom.timer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One instance's share of the timers: a thread claims due timers in batches (rows other instances are claiming are
 * skipped) and hands them to a pool of firing threads. Claims run out after {@link #CLAIM_FOR}, so the timers of an
 * instance that died are fired by the others.
 */
public final class TimerPoller implements AutoCloseable {

    static final Duration CLAIM_FOR = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(TimerPoller.class);
    private static final Duration STOP_WITHIN = Duration.ofSeconds(10);

    private final Timers timers;
    private final TimerFiring firing;
    private final Clock clock;
    private final Duration pollEvery;
    /** Timers claimed and not yet fired: at most two per firing thread, so claims never outrun the threads by much. */
    private final Semaphore room;
    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final ExecutorService firingThreads;
    private final Thread claimer;
    private volatile boolean running = true;

    private TimerPoller(Timers timers, TimerFiring firing, Clock clock, int threads, Duration pollEvery, String name) {
        this.timers = timers;
        this.firing = firing;
        this.clock = clock;
        this.pollEvery = pollEvery;
        this.room = new Semaphore(threads * 2);
        AtomicInteger number = new AtomicInteger();
        this.firingThreads = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, queue, r -> {
            Thread thread = new Thread(r, name + "-fire-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.claimer = new Thread(this::claimLoop, name + "-claim");
        this.claimer.setDaemon(true);
    }

    /** Starts polling every {@code pollEvery} (at once again while a full batch came back) with this many firing threads. */
    public static TimerPoller start(Timers timers, TimerFiring firing, Clock clock, int threads, Duration pollEvery,
                                    String name) {
        TimerPoller poller = new TimerPoller(timers, firing, clock, threads, pollEvery, name);
        poller.claimer.start();
        return poller;
    }

    private void claimLoop() {
        while (running) {
            int wanted = 0;
            try {
                room.acquire();
                wanted = 1 + room.drainPermits();
                List<PendingTimer> claimed = claim(wanted);
                room.release(wanted - claimed.size());
                boolean more = claimed.size() == wanted;
                wanted = 0;
                claimed.forEach(timer -> firingThreads.execute(new Firing(timer)));
                if (!more) {
                    Thread.sleep(pollEvery.toMillis()); // nothing more due: look again in a moment
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                room.release(wanted);
                LOG.errorf(e, "Claiming due timers failed; trying again in %s", pollEvery);
                sleepQuietly();
            }
        }
    }

    private List<PendingTimer> claim(int wanted) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> timers.claimDue(now, wanted, now.plus(CLAIM_FOR)));
    }

    /** A claimed timer on its way to a firing thread; handed back if the instance stops first. */
    private final class Firing implements Runnable {

        final PendingTimer timer;

        Firing(PendingTimer timer) {
            this.timer = timer;
        }

        @Override
        public void run() {
            try {
                firing.fire(timer.kind(), timer.subject(), timer.due());
            } catch (RuntimeException e) {
                LOG.errorf(e, "Timer %s of %s (due %s) could not be fired", timer.kind(), timer.subject(), timer.due());
            } finally {
                room.release();
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(pollEvery.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops claiming, lets firings in progress finish and hands the claimed rest back to the other instances. */
    @Override
    public void close() {
        running = false;
        claimer.interrupt();
        List<PendingTimer> unfired = new ArrayList<>();
        try {
            claimer.join(STOP_WITHIN.toMillis()); // no claim hands over timers after the queue is emptied below
            List<Runnable> waiting = new ArrayList<>();
            queue.drainTo(waiting);
            firingThreads.shutdown(); // firings in progress finish: interrupting one mid-transaction would count as a failure
            waiting.forEach(firing -> unfired.add(((Firing) firing).timer));
            if (!firingThreads.awaitTermination(STOP_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("Timer firings still running after %s; their claims run out in %s", STOP_WITHIN, CLAIM_FOR);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!unfired.isEmpty()) {
            try {
                QuarkusTransaction.requiringNew().run(() -> timers.release(unfired));
            } catch (RuntimeException e) {
                LOG.warnf(e, "%d claimed timers could not be handed back; their claims run out in %s", unfired.size(),
                        CLAIM_FOR);
            }
        }
    }
}
