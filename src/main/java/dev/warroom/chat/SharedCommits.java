package dev.warroom.chat;

import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Stores rows for many request threads in shared commits: the first thread to arrive stores its row at once; those
 * arriving while that commit is under way wait, and the first of them stores all of theirs in the next one. Each
 * caller still returns only once its own row is committed.
 *
 * <p>Why: the row of a chat request is committed before its ack, and on 2 cores a commit per request (a connection,
 * a statement, a WAL flush) halved the acks a second (bench/slack-ack, round 7). Nothing waits for a batch to fill:
 * alone, a request is stored as quickly as before.
 *
 * <p>A caller that must not wait (an event loop) hands its row over ({@link #storeLater}) and is told the outcome by
 * the thread that committed it; a commit such a row would lead runs on the committer thread.
 *
 * <p>When a shared commit fails, each of its rows is tried again in a commit of its own, so one bad row (or a
 * statement too big) fails only its own request. A failure no row escapes alone (the database does not answer) fails
 * them all at once: tried one by one, each would wait for it again, and the last request as long as all of them.
 *
 * @param <T> what is stored
 */
final class SharedCommits<T> {

    private static final Logger LOG = Logger.getLogger(SharedCommits.class);

    private final Function<List<T>, List<Long>> storeTogether;
    private final Predicate<RuntimeException> failsEveryRow;
    /** Runs the commits a caller that cannot wait hands over ({@link #storeLater}). */
    private final Executor committer;
    /** Rows for the next commit; guarded by this. */
    private List<Waiting<T>> waiting = new ArrayList<>();
    /** A commit is under way, or handed to the thread of the first waiting row; guarded by this. */
    private boolean storing;

    /**
     * @param storeTogether stores the rows in one commit and answers their ids in the same order, or throws
     * @param failsEveryRow true for a failure that would fail each row alone too
     */
    SharedCommits(Function<List<T>, List<Long>> storeTogether, Predicate<RuntimeException> failsEveryRow,
                  Executor committer) {
        this.storeTogether = storeTogether;
        this.failsEveryRow = failsEveryRow;
        this.committer = committer;
    }

    /**
     * Stores the row like {@link #store}, for a caller that must not wait (an event loop): {@code then} is told its id
     * or the failure on the thread that committed it, never the caller's; a commit this row would lead runs on the
     * committer.
     */
    void storeLater(T row, BiConsumer<Long, RuntimeException> then) {
        Waiting<T> mine = new Waiting<>(row, null, then);
        if (join(mine)) {
            lead(mine);
        }
    }

    /** Stores the row, together with those of other threads waiting now; answers its id once it is committed. */
    long store(T row) {
        Waiting<T> mine = new Waiting<>(row, Thread.currentThread(), null);
        boolean interrupted = false;
        try {
            if (!join(mine)) {
                interrupted = awaitOutcomeOrTurn(mine);
            }
            if (!mine.done) {
                storeWaiting(mine);
            }
            return mine.id();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Adds the row to the next commit; true if no commit is under way, so the row's caller is to start one. */
    private synchronized boolean join(Waiting<T> row) {
        waiting.add(row);
        boolean leads = !storing;
        storing = true;
        return leads;
    }

    /**
     * Parks until the row's commit has an outcome or its thread is handed the next commit; true if interrupted
     * meanwhile. Only the threads of a finished commit, and the next commit's, are woken: with one monitor for all,
     * every commit woke every waiting request thread, and under load most of them only went back to waiting.
     */
    private static boolean awaitOutcomeOrTurn(Waiting<?> mine) {
        boolean interrupted = false;
        while (!mine.done && !mine.leads) {
            LockSupport.park(mine);
            if (Thread.interrupted()) {
                interrupted = true; // the row is in a batch already: its outcome is still this call's
            }
        }
        return interrupted;
    }

    /** Stores every waiting row (the caller's among them), then hands the next commit to the first row waiting. */
    private void storeWaiting(Waiting<T> mine) {
        List<Waiting<T>> batch;
        synchronized (this) {
            batch = waiting;
            waiting = new ArrayList<>();
        }
        try {
            storeAll(batch);
        } finally {
            endUnfinished(batch); // an Error left them: their threads would wait for ever
            Waiting<T> next;
            synchronized (this) {
                next = waiting.isEmpty() ? null : waiting.get(0);
                storing = next != null;
            }
            if (next != null) {
                lead(next);
            }
            for (Waiting<T> row : batch) {
                if (row != mine || row.then != null) {
                    tell(row);
                }
            }
        }
    }

    /** Rows waiting for the next commit (tests watch it to know who arrived). */
    synchronized int waitingRows() {
        return waiting.size();
    }

    private void storeAll(List<Waiting<T>> batch) {
        try {
            List<Long> ids = storeTogether.apply(batch.stream().map(Waiting::row).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).stored(ids.get(i));
            }
        } catch (RuntimeException failure) {
            if (batch.size() == 1 || failsEveryRow.test(failure)) {
                batch.forEach(row -> row.failed(failure));
                return;
            }
            for (Waiting<T> one : batch) {
                storeAll(List.of(one));
            }
        }
    }

    private static <T> void endUnfinished(List<Waiting<T>> batch) {
        for (Waiting<T> row : batch) {
            if (!row.done) {
                row.failed(new IllegalStateException("the commit this row shared ended without an answer"));
            }
        }
    }

    /** Hands the next commit to the thread of its first row, or to the committer for a row whose caller did not wait. */
    private void lead(Waiting<T> first) {
        if (first.thread != null) {
            first.leads = true;
            LockSupport.unpark(first.thread);
            return;
        }
        try {
            committer.execute(() -> storeWaiting(first));
        } catch (RejectedExecutionException stopped) {
            storeWaiting(first); // the app is stopping: committed here rather than never, and every row waiting with it
        }
    }

    /** One caller's failure to take its outcome must not keep the others of the commit from theirs. */
    private static void tell(Waiting<?> row) {
        try {
            row.tell();
        } catch (RuntimeException e) {
            LOG.error("A stored chat request could not be told its row's outcome", e);
        }
    }

    /**
     * A row, its thread (or, for a caller that does not wait, the answer to complete) and, once its batch was stored,
     * its id or the failure.
     */
    private static final class Waiting<T> {
        private final T row;
        private final Thread thread;
        private final BiConsumer<Long, RuntimeException> then;
        /** Written last, read first: a waiter may look while the storing thread fills in the outcome. */
        private volatile boolean done;
        /** The thread is to store the next commit. */
        private volatile boolean leads;
        private long id;
        private RuntimeException failure;

        Waiting(T row, Thread thread, BiConsumer<Long, RuntimeException> then) {
            this.row = row;
            this.thread = thread;
            this.then = then;
        }

        T row() {
            return row;
        }

        /** Wakes the row's thread, or tells its caller, once the outcome is in. */
        void tell() {
            if (thread != null) {
                LockSupport.unpark(thread);
            } else {
                then.accept(failure == null ? id : null, failure);
            }
        }

        void stored(long storedId) {
            id = storedId;
            done = true;
        }

        void failed(RuntimeException cause) {
            failure = cause;
            done = true;
        }

        long id() {
            if (failure != null) {
                // Thrown in the thread that stored the batch: wrapped, so this caller's stack shows too.
                throw new IllegalStateException(failure.getMessage(), failure);
            }
            return id;
        }
    }
}
