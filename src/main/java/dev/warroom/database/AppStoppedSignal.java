package dev.warroom.database;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.concurrent.CountDownLatch;

/**
 * Tells the embedded PostgreSQL's shutdown hook that Warroom has stopped its work, so the database
 * is stopped after the app, not while requests are still finishing.
 */
@ApplicationScoped
public class AppStoppedSignal {

    public static final String APP_STOPPED_SIGNAL = "warroom.embedded-database.app-stopped";

    void onStop(@Observes ShutdownEvent event) {
        if (System.getProperties().get(APP_STOPPED_SIGNAL) instanceof CountDownLatch latch) {
            latch.countDown();
        }
    }
}
