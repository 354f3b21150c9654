package dev.warroom.chat;

import dev.warroom.threads.BackgroundThreads;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.stream.LongStream;

/**
 * Runs the work behind a chat platform's request after it was acknowledged (Slack wants an answer
 * within 3 seconds, Teams within 15); tests run it in the request's thread.
 *
 * <p>On its own few threads, not Quarkus's worker pool: the acks themselves run on that pool, and the work
 * (a transaction, then the outbox, whose dispatcher runs one at a time and calls Slack) can take every one of its
 * threads under load, so acks queued behind the work and took seconds (bench/slack-ack). Here the work waits in
 * this executor's queue instead, and acks stay as fast as any other endpoint.
 *
 * <p>Work a request asks of the core ({@link InboxWork}) is stored before the request is acknowledged and removed
 * when done, so work a crash interrupts is run again ({@link ChatInboxRecovery}). The queue holds {@code
 * WARROOM_CHAT_WORK_QUEUE} pieces of work; past it, stored work waits as its id alone ({@link StoredBacklog}, up
 * to {@code WARROOM_CHAT_WORK_BACKLOG}) and is read back when the queue has room, oldest first. Under a burst the
 * heap then holds a long array, not thousands of new queued requests a second, each of which the next young
 * collection had to copy: that stopped every ack for 7-25 ms (bench/README.md, round 11). Past the backlog a
 * request is refused ({@link WorkQueueFull}, 503) and the platform re-sends it later; so is work that cannot be
 * stored (opening a Slack form) past the queue.
 *
 * <p>On SIGTERM it takes no more work ({@link ShuttingDown}, 503: the platform re-sends to another instance) and
 * finishes what it acknowledged before the database stops ({@link #finish}).
 */
@ApplicationScoped
public class AcknowledgedWork {

    private static final Logger LOG = Logger.getLogger(AcknowledgedWork.class);
    private static final int READ_BACK_BATCH = 100;

    @ConfigProperty(name = "warroom.chat.work-threads", defaultValue = "4")
    int threads;
    @ConfigProperty(name = "warroom.chat.work-queue", defaultValue = "1000")
    int queueLimit;
    @ConfigProperty(name = "warroom.chat.work-backlog", defaultValue = "100000")
    int backlogLimit;

    @Inject
    ChatInbox inbox;
    @Inject
    BackgroundThreads backgroundThreads;
    @Inject
    @Any
    Instance<InboxWorkRunner> runners;

    private ThreadPoolExecutor executor;
    private volatile boolean taking = true;
    /** Stored work this instance has queued or is running: {@link ChatInboxRecovery} vouches for it. */
    private final Set<Long> held = ConcurrentHashMap.newKeySet();
    private volatile StoredBacklog backlog;
    /** One thread at a time reads the backlog back, so that what it read is still the backlog's oldest. */
    private final AtomicBoolean readingBack = new AtomicBoolean();

    @PostConstruct
    void init() {
        ThreadFactory factory = backgroundThreads.named("chat-work");
        int size = Math.max(1, threads);
        executor = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, queueLimit)), factory, new ThreadPoolExecutor.AbortPolicy()) {
            @Override
            protected void afterExecute(Runnable done, Throwable failure) {
                readBackIfRoom();
            }
        };
        limitBacklog(backlogLimit);
    }

    /** Sets how many pieces of stored work may wait beyond the queue (the configuration's, or a test's). */
    protected void limitBacklog(int limit) {
        backlog = new StoredBacklog(Math.max(0, limit));
    }

    /** Shutdown has begun (readiness is down): requests from now on are refused, so they go to another instance. */
    void stopTaking(@Observes ShutdownDelayInitiatedEvent event) {
        stopTaking();
    }

    public void stopTaking() {
        if (taking) {
            LOG.info("Shutting down: chat requests are refused from now on; acknowledged work goes on");
        }
        taking = false;
    }

    /**
     * Takes no more work and waits up to {@code within} for the acknowledged work to be done; true if it all was.
     * What is left then stays stored and is run again later.
     */
    public boolean finish(Duration within) throws InterruptedException {
        stopTaking();
        executor.shutdown();
        if (executor.awaitTermination(within.toMillis(), TimeUnit.MILLISECONDS)) {
            return true;
        }
        LOG.warnf("%d acknowledged chat requests not handled before shutdown: they stay stored, and another instance "
                + "(or this one when it starts again) runs them", executor.shutdownNow().size() + backlog.size());
        held.clear();
        backlog.clear();
        return false;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        finish(Duration.ZERO); // normally finished already, by the graceful shutdown
    }

    /**
     * Stores the work, then queues it; throws {@link WorkRefused} when it is not taken, and then nothing is kept.
     * Once this returns, the work is done even if this instance dies first: acknowledge only after it.
     */
    public void submit(InboxWork work) {
        checkTaking();
        holdOrForget(inbox.store(work));
    }

    /** Queues stored work; if the queue does not take it, its row goes too, so nothing of the request is kept. */
    private void holdOrForget(ChatInbox.Stored stored) {
        try {
            hold(stored);
        } catch (WorkRefused refused) {
            inbox.done(stored.id());
            throw refused;
        }
    }

    /**
     * Stores the works, then queues them and the tasks, for a caller that must not wait (an event loop). The answer
     * completes once all of it is taken, or fails with {@link WorkRefused}, and then nothing of it is kept.
     * Acknowledge only after it. The taking runs on the thread that committed the rows, never the caller's: in tests
     * it runs the work itself, which blocks.
     */
    public CompletableFuture<Void> submitLater(List<InboxWork> works, List<Runnable> tasks) {
        try {
            checkTaking();
        } catch (WorkRefused refused) {
            return CompletableFuture.failedFuture(refused);
        }
        if (works.isEmpty()) {
            return CompletableFuture.runAsync(() -> tasks.forEach(this::submit), Infrastructure.getDefaultWorkerPool());
        }
        CompletableFuture<Void> taken = new CompletableFuture<>();
        StoredTogether together = new StoredTogether(works.size(), (stored, failure) -> {
            try {
                take(stored, failure, tasks);
                taken.complete(null);
            } catch (RuntimeException refused) {
                taken.completeExceptionally(refused);
            }
        });
        for (int i = 0; i < works.size(); i++) {
            int index = i;
            inbox.storeLater(works.get(i), (stored, failure) -> together.outcome(index, stored, failure));
        }
        return taken;
    }

    /** Queues a request's stored works and its tasks; if one of its rows was not stored, the others go too. */
    private void take(List<ChatInbox.Stored> stored, RuntimeException failure, List<Runnable> tasks) {
        if (failure != null) {
            stored.forEach(row -> inbox.done(row.id()));
            throw failure;
        }
        stored.forEach(this::holdOrForget);
        tasks.forEach(this::submit);
    }

    /** The rows of one request, each stored in whichever commit took it; told once every one has an outcome. */
    private static final class StoredTogether {
        private final ChatInbox.Stored[] stored;
        private final BiConsumer<List<ChatInbox.Stored>, RuntimeException> then;
        private int left;
        private RuntimeException failure;

        StoredTogether(int rows, BiConsumer<List<ChatInbox.Stored>, RuntimeException> then) {
            this.stored = new ChatInbox.Stored[rows];
            this.left = rows;
            this.then = then;
        }

        void outcome(int index, ChatInbox.Stored row, RuntimeException rowFailure) {
            synchronized (this) {
                stored[index] = row;
                if (failure == null) {
                    failure = rowFailure;
                }
                if (--left > 0) {
                    return;
                }
            }
            then.accept(Arrays.stream(stored).filter(Objects::nonNull).toList(), failure);
        }
    }

    /** Work stored by a request whose instance never finished it, run again here. */
    public void runAgain(ChatInbox.Stored stored) {
        hold(stored);
    }

    /**
     * The ids of the stored work this instance has queued, is running, or keeps in its backlog: no other instance
     * should run it.
     */
    public long[] held() {
        return LongStream.concat(held.stream().mapToLong(Long::longValue), LongStream.of(backlog.all())).toArray();
    }

    /**
     * Queues stored work, or keeps its id in the backlog: when the queue is full, and while older work waits there
     * (it goes first). Throws {@link WorkQueueFull} when both are full.
     */
    private void hold(ChatInbox.Stored stored) {
        if (backlog.isEmpty() && queue(stored)) {
            return;
        }
        if (!backlog.add(stored.id())) {
            throw new WorkQueueFull();
        }
    }

    /** False when the queue is full; other refusals (shutting down) are thrown. */
    private boolean queue(ChatInbox.Stored stored) {
        held.add(stored.id());
        try {
            submit(() -> runStored(stored));
            return true;
        } catch (WorkQueueFull full) {
            held.remove(stored.id());
            return false;
        } catch (WorkRefused refused) {
            held.remove(stored.id());
            throw refused;
        }
    }

    /**
     * Queues the backlog's oldest work while there is room for a batch of it: after each piece of work, and at
     * each recovery scan (in case a read failed and no work was left to run after it). One batch is one query.
     */
    public void readBackIfRoom() {
        int batch = Math.max(1, Math.min(READ_BACK_BATCH, queueLimit / 2));
        // Checked again after each batch, with the flag down: a thread that found it up meanwhile read nothing.
        while (!backlog.isEmpty() && executor.getQueue().remainingCapacity() >= batch
                && readingBack.compareAndSet(false, true)) {
            try {
                if (!readBack(backlog.oldest(batch))) {
                    return;
                }
            } catch (WorkRefused stopping) {
                return; // the backlog stays stored, and is run again after the restart or by another instance
            } catch (RuntimeException unread) {
                LOG.warnf("Acknowledged chat work waiting in the backlog could not be read back (%s); tried again "
                        + "after the next piece of work or at the next scan", unread.getMessage());
                return;
            } finally {
                readingBack.set(false);
            }
        }
    }

    /** Queues the work of these oldest ids of the backlog; false when the queue took no more. */
    private boolean readBack(long[] oldest) {
        if (oldest.length == 0) {
            return false;
        }
        Map<Long, ChatInbox.Stored> stored = inbox.load(oldest);
        for (long id : oldest) {
            ChatInbox.Stored work = stored.get(id);
            if (work != null && !queue(work)) {
                return false;
            }
            backlog.dropOldest(); // a row that is gone was done elsewhere (recovery ran it): nothing to run
        }
        return true;
    }

    private void runStored(ChatInbox.Stored stored) {
        try {
            InboxWork work = stored.work();
            runnerOf(work).run(work);
        } finally {
            try {
                inbox.done(stored.id());
            } finally {
                held.remove(stored.id()); // a row whose removal failed is run again later (a no-op): not vouched for forever
            }
        }
    }

    private InboxWorkRunner runnerOf(InboxWork work) {
        for (InboxWorkRunner runner : runners) {
            if (runner.platform().equals(work.platform())) {
                return runner;
            }
        }
        throw new IllegalStateException("no chat adapter runs " + work.kind());
    }

    /**
     * Queues work that is pointless to keep past a crash (opening a Slack form: its trigger expires in 3 seconds);
     * throws {@link WorkRefused} when it is not taken, and then nothing was queued.
     */
    public void submit(Runnable work) {
        refuseIfStopping();
        try {
            executor.execute(inRequestContext(work));
        } catch (RejectedExecutionException full) {
            throw executor.isShutdown() ? new ShuttingDown() : new WorkQueueFull();
        }
    }

    /**
     * Throws {@link WorkRefused} when a request's work would not be taken now; checked before a request stores
     * anything (a request may still be refused by {@link #submit} when others take the room first).
     */
    public void checkTaking() {
        refuseIfStopping();
        if (!backlog.hasRoom() && (!backlog.isEmpty() || executor.getQueue().remainingCapacity() == 0)) {
            throw new WorkQueueFull();
        }
    }

    protected void refuseIfStopping() {
        if (!taking) {
            throw new ShuttingDown();
        }
    }

    /** Acknowledged requests whose work waits for a thread, in the queue or in the backlog. */
    public int waiting() {
        return executor.getQueue().size() + backlog.size();
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
