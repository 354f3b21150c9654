package dev.warroom.chat;

import java.util.ArrayList;
import java.util.List;
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
 * <p>When a shared commit fails, each of its rows is tried again in a commit of its own, so one bad row (or a
 * statement too big) fails only its own request. A failure no row escapes alone (the database does not answer) fails
 * them all at once: tried one by one, each would wait for it again, and the last request as long as all of them.
 *
 * @param <T> what is stored
 */
final class SharedCommits<T> {

    private final Function<List<T>, List<Long>> storeTogether;
    private final Predicate<RuntimeException> failsEveryRow;
    private List<Waiting<T>> waiting = new ArrayList<>();
    private boolean storing;

    /**
     * @param storeTogether stores the rows in one commit and answers their ids in the same order, or throws
     * @param failsEveryRow true for a failure that would fail each row alone too
     */
    SharedCommits(Function<List<T>, List<Long>> storeTogether, Predicate<RuntimeException> failsEveryRow) {
        this.storeTogether = storeTogether;
        this.failsEveryRow = failsEveryRow;
    }

    /** Stores the row, together with those of other threads waiting now; answers its id once it is committed. */
    long store(T row) {
        Waiting<T> mine = new Waiting<>(row);
        boolean interrupted = false;
        try {
            synchronized (this) {
                waiting.add(mine);
            }
            while (true) {
                List<Waiting<T>> batch;
                synchronized (this) {
                    while (!mine.done && storing) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            interrupted = true; // the row is in a batch already: its outcome is still this call's
                        }
                    }
                    if (mine.done) {
                        return mine.id();
                    }
                    storing = true;
                    batch = waiting;
                    waiting = new ArrayList<>();
                }
                try {
                    storeAll(batch);
                } finally {
                    synchronized (this) {
                        endUnfinished(batch); // an Error left them: their threads would wait, or loop, for ever
                        storing = false;
                        notifyAll();
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
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

    /** A row and, once its batch was stored, its id or the failure. */
    private static final class Waiting<T> {
        private final T row;
        /** Written last, read first: a waiter may look while the storing thread fills in the outcome. */
        private volatile boolean done;
        private long id;
        private RuntimeException failure;

        Waiting(T row) {
            this.row = row;
        }

        T row() {
            return row;
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
