package dev.warroom.chat.teams;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ManagedExecutor;

/** Runs the work behind a Teams activity after it was acknowledged (tests run it in the request's thread). */
@ApplicationScoped
public class TeamsWork {

    @Inject
    ManagedExecutor executor;

    public void submit(Runnable work) {
        executor.execute(work);
    }
}
