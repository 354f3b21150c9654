package dev.warroom.support;

import dev.warroom.chat.teams.TeamsWork;
import io.quarkus.test.Mock;

/** In tests the work behind a Teams activity runs before the response, so tests need not wait for it. */
@Mock
public class InlineTeamsWork extends TeamsWork {

    @Override
    public void submit(Runnable work) {
        work.run();
    }
}
