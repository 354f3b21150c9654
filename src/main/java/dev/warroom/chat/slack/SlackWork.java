package dev.warroom.chat.slack;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ManagedExecutor;

/** Runs the work behind a Slack request after it was acknowledged (tests run it in the request's thread). */
@ApplicationScoped
public class SlackWork {

    @Inject
    ManagedExecutor executor;

    public void submit(Runnable work) {
        executor.execute(work);
    }
}
