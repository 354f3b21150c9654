package dev.warroom.support;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Fills the chat work queue as a burst would: the test configuration gives {@code AcknowledgedWork} one thread
 * and one place, so a task blocked on a latch and one task waiting behind it leave no room. Closing lets them
 * finish and puts the tests' inline work back.
 */
public final class FullWorkQueue implements AutoCloseable {

    private final InlineAcknowledgedWork work;
    private final CountDownLatch release = new CountDownLatch(1);

    private FullWorkQueue(InlineAcknowledgedWork work) {
        this.work = work;
    }

    public static FullWorkQueue fill(InlineAcknowledgedWork work) throws InterruptedException {
        FullWorkQueue full = busyThread(work);
        work.submit(() -> { }); // waits in the one place behind the blocked task
        return full;
    }

    /** Only the thread busy, on a task blocked until closing: the next work waits in the one place until then. */
    public static FullWorkQueue busyThread(InlineAcknowledgedWork work) throws InterruptedException {
        FullWorkQueue busy = new FullWorkQueue(work);
        CountDownLatch started = new CountDownLatch(1);
        work.queueAsInProduction(true);
        work.submit(() -> {
            started.countDown();
            busy.awaitRelease();
        });
        if (!started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the work thread did not take the blocking task");
        }
        return busy;
    }

    private void awaitRelease() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release.countDown();
        work.queueAsInProduction(false);
    }
}
