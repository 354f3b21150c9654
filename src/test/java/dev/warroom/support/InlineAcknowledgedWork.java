package dev.warroom.support;

import dev.warroom.chat.AcknowledgedWork;
import io.quarkus.test.Mock;

/** In tests the work behind a Slack or Teams request runs before the response, so tests need not wait for it. */
@Mock
public class InlineAcknowledgedWork extends AcknowledgedWork {

    @Override
    public void submit(Runnable work) {
        work.run();
    }
}
