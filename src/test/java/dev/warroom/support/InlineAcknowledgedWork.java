package dev.warroom.support;

import dev.warroom.chat.AcknowledgedWork;
import io.quarkus.test.Mock;

/**
 * In tests the work behind a Slack or Teams request runs before the response, so tests need not wait for it;
 * a test of the queue itself switches to the real, queued way ({@link #queueAsInProduction}).
 */
@Mock
public class InlineAcknowledgedWork extends AcknowledgedWork {

    private volatile boolean queued;

    /** True: work goes to {@link AcknowledgedWork}'s own threads and bounded queue, as in production. */
    public void queueAsInProduction(boolean queued) {
        this.queued = queued;
    }

    /** How many pieces of stored work may wait beyond the queue, as in production; tests have none by default. */
    public void allowBacklog(int limit) {
        limitBacklog(limit);
    }

    @Override
    public void submit(Runnable work) {
        if (queued) {
            super.submit(work);
        } else {
            refuseIfStopping();
            work.run();
        }
    }
}
