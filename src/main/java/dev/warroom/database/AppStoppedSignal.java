package dev.warroom.database;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;

/**
 * Tells the embedded PostgreSQL's shutdown hook that Warroom has stopped its work, so the database
 * is stopped after the app, not while requests are still finishing. The signal is a system
 * property: dev mode runs the app in class loaders of its own, and system properties are shared.
 */
@ApplicationScoped
public class AppStoppedSignal {

    private static final String PROPERTY = "warroom.app-stopped";
    private static final long POLL_MILLIS = 50;

    void onStop(@Observes ShutdownEvent event) {
        signal();
    }

    public static void signal() {
        System.setProperty(PROPERTY, "true");
    }

    /** Waits until the app has stopped, at most {@code limit}. */
    public static void await(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!Boolean.getBoolean(PROPERTY) && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
        }
    }
}
