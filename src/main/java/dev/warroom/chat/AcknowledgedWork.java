package dev.warroom.chat;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the work behind a chat platform's request after it was acknowledged (Slack wants an answer
 * within 3 seconds, Teams within 15); tests run it in the request's thread.
 *
 * <p>On its own few threads, not Quarkus's worker pool: the acks themselves run on that pool, and the work
 * (a transaction, then the outbox, whose dispatcher runs one at a time and calls Slack) can take every one of its
 * threads under load, so acks queued behind the work and took seconds (bench/slack-ack). Here the work waits in
 * this executor's queue instead, and acks stay as fast as any other endpoint.
 *
 * <p>The queue is bounded ({@code WARROOM_CHAT_WORK_QUEUE}): acknowledged work waits only in memory, so past the
 * bound a request is refused ({@link WorkQueueFull}, 503) rather than acknowledged and lost in a crash.
 */
@ApplicationScoped
public class AcknowledgedWork {

    private static final Logger LOG = Logger.getLogger(AcknowledgedWork.class);

    @ConfigProperty(name = "warroom.chat.work-threads", defaultValue = "4")
    int threads;
    @ConfigProperty(name = "warroom.chat.work-queue", defaultValue = "1000")
    int queueLimit;

    private ThreadPoolExecutor executor;

    @PostConstruct
    void init() {
        AtomicInteger number = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "chat-work-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        int size = Math.max(1, threads);
        executor = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, queueLimit)), factory, new ThreadPoolExecutor.AbortPolicy());
    }

    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warnf("%d acknowledged chat requests not handled before shutdown", executor.shutdownNow().size());
        }
    }

    /** Queues the work; throws {@link WorkQueueFull} when the queue is full, and then nothing was queued. */
    public void submit(Runnable work) {
        try {
            executor.execute(inRequestContext(work));
        } catch (RejectedExecutionException full) {
            throw new WorkQueueFull();
        }
    }

    /** Whether a request's work would be taken now (a request may still be refused when others take the room first). */
    public boolean hasRoom() {
        return executor.getQueue().remainingCapacity() > 0;
    }

    private static Runnable inRequestContext(Runnable work) {
        return () -> {
            ManagedContext requestContext = Arc.container().requestContext();
            requestContext.activate();
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.errorf(e, "Work after an acknowledged chat request failed");
            } finally {
                requestContext.terminate();
            }
        };
    }
}
