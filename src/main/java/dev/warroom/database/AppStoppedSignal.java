package dev.warroom.database;

import java.time.Duration;

/**
 * Tells the embedded PostgreSQL's shutdown hook that Warroom has stopped, so the database is stopped after the app,
 * not while its last work, Quartz, Hibernate or the connection pool are still stopping. Signalled by the exit handler
 * Quarkus calls once the app is fully stopped ({@code WarroomMain}); a {@code ShutdownEvent} observer would be too
 * early, since the beans and the connection pool are stopped after it. The signal is a system property: dev mode runs
 * the app in class loaders of its own, and system properties are shared.
 */
public final class AppStoppedSignal {

    private static final String PROPERTY = "warroom.app-stopped";
    private static final long POLL_MILLIS = 50;

    private AppStoppedSignal() {
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
