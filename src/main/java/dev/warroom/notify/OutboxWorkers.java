package dev.warroom.notify;

import dev.warroom.threads.BackgroundThreads;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The threads that deliver the outbox ({@code WARROOM_OUTBOX_WORKERS}, several destinations at once). Whoever
 * committed messages calls {@link #deliveryRequested()}, which only wakes a worker and returns: no caller waits
 * for a delivery. With 0 workers (the tests) the caller delivers everything due itself before it returns.
 */
@ApplicationScoped
public class OutboxWorkers {

    private static final Logger LOG = Logger.getLogger(OutboxWorkers.class);

    @ConfigProperty(name = "warroom.outbox.workers", defaultValue = "4")
    int workers;
    @Inject
    OutboxDispatcher dispatcher;
    @Inject
    BackgroundThreads backgroundThreads;

    private final Object signal = new Object();
    /** Set by a request, taken by the worker it wakes; requests while every worker is busy collapse into one. */
    private boolean requested;
    private volatile boolean stopping;
    private final List<Thread> threads = new ArrayList<>();

    void start(@Observes StartupEvent event) {
        synchronized (signal) {
            requested = true; // messages left from before a restart
        }
        ThreadFactory factory = backgroundThreads.named("outbox");
        for (int number = 1; number <= workers; number++) {
            Thread thread = factory.newThread(this::work);
            threads.add(thread);
            thread.start();
        }
    }

    /**
     * Stops the workers, waiting up to {@code within}: each finishes the batch it claimed; what nobody claimed stays
     * pending in the database, for another replica or this one after its restart. True if every worker stopped.
     */
    public boolean finish(Duration within) throws InterruptedException {
        synchronized (signal) {
            stopping = true;
            signal.notifyAll();
        }
        long deadline = System.nanoTime() + within.toNanos();
        for (Thread thread : threads) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        return threads.stream().noneMatch(Thread::isAlive);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        finish(Duration.ofSeconds(10)); // normally finished already, by the graceful shutdown
    }

    /** Messages were committed: deliver them soon, without waiting here (with 0 workers: deliver them now). */
    public void deliveryRequested() {
        if (workers == 0) {
            dispatcher.deliverPending();
            return;
        }
        synchronized (signal) {
            requested = true;
            signal.notifyAll(); // not one: the one woken may have to wait (IdleLookPacing) while another may look now
        }
    }

    /** Messages that wait for a retry become due as time passes, with nobody committing anything. */
    @Scheduled(every = "${warroom.outbox.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            executeWith = Scheduled.SIMPLE)
    void sweep() {
        deliveryRequested();
    }

    private void work() {
        IdleLookPacing pacing = new IdleLookPacing();
        long lookNotBefore = System.nanoTime();
        while (awaitRequest(lookNotBefore)) {
            boolean claimed = false;
            ManagedContext requestContext = Arc.container().requestContext();
            requestContext.activate();
            try {
                // Once this worker has claimed a destination, other destinations may have messages too: an idle
                // worker looks for them while this one delivers (a slow destination holds back only itself).
                while (!stopping && dispatcher.deliverNextBatch(this::deliveryRequested).claimed()) {
                    claimed = true; // on to this destination's next messages, or the next destination
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Outbox worker %s failed; it waits for the next request", Thread.currentThread().getName());
            } finally {
                requestContext.terminate();
            }
            // Its last look found nothing. While another worker delivers a busy channel, every commit to that channel
            // asks again and every look would find nothing.
            lookNotBefore = pacing.lookNotBefore(System.nanoTime(), claimed);
        }
    }

    /** Waits until delivery is requested and this worker may look again; false when the app stops. */
    private boolean awaitRequest(long lookNotBefore) {
        synchronized (signal) {
            while (!stopping) {
                long early = lookNotBefore - System.nanoTime();
                if (requested && early <= 0) {
                    requested = false;
                    return true;
                }
                try {
                    signal.wait(requested ? Math.max(1, TimeUnit.NANOSECONDS.toMillis(early)) : 0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return false;
        }
    }
}
