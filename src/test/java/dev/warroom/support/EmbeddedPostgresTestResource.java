package dev.warroom.support;

import dev.warroom.database.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** One fresh embedded PostgreSQL per test run, on a free port, shared by every @QuarkusTest. */
public class EmbeddedPostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedDatabase database;

    @Override
    public synchronized Map<String, String> start() {
        if (database == null) {
            try {
                database = EmbeddedDatabase.startTemporary();
            } catch (Exception e) {
                throw new IllegalStateException("Embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    database.close();
                } catch (Exception ignored) {
                    // the JVM is ending; the temporary folder goes with it
                }
            }));
        }
        return Map.of("quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.username());
    }

    @Override
    public void stop() {
        // Kept for the whole run: Quarkus restarts the app between test profiles, the database stays.
    }
}
