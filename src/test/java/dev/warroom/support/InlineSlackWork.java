package dev.warroom.support;

import dev.warroom.chat.slack.SlackWork;
import io.quarkus.test.Mock;

/** In tests the work behind a Slack request runs before the response, so tests need not wait for it. */
@Mock
public class InlineSlackWork extends SlackWork {

    @Override
    public void submit(Runnable work) {
        work.run();
    }
}
