package dev.warroom;

import dev.warroom.database.EmbeddedDatabase;
import dev.warroom.plan.PlanValidationCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Entry point for the jar and dev mode: {@code validate DIR} checks plans without a database;
 * otherwise it starts the embedded PostgreSQL when no database URL is configured, then Warroom.
 */
@QuarkusMain
public class WarroomMain {

    static final String JDBC_URL_PROPERTY = "quarkus.datasource.jdbc.url";
    /** A latch in the system properties: they are shared by every class loader of dev mode and the jar. */
    static final String APP_STOPPED_SIGNAL = dev.warroom.database.AppStoppedSignal.APP_STOPPED_SIGNAL;
    private static final CountDownLatch APP_STOPPED = new CountDownLatch(1);
    private static final long APP_STOP_WAIT_SECONDS = 30;

    public static void main(String... args) throws Exception {
        if (args.length > 0 && args[0].equals("validate")) {
            if (args.length != 2) {
                System.err.println("usage: java -jar quarkus-run.jar validate <plans-folder>");
                System.exit(2);
            }
            System.exit(PlanValidationCommand.run(Path.of(args[1]), System.out));
        }
        startEmbeddedDatabaseIfNoneConfigured();
        try {
            Quarkus.run(args);
        } finally {
            APP_STOPPED.countDown();
        }
    }

    private static void startEmbeddedDatabaseIfNoneConfigured() throws Exception {
        // System properties outlive dev mode's class loaders, so a live reload does not start a second server.
        if (isSet(System.getenv("QUARKUS_DATASOURCE_JDBC_URL")) || isSet(System.getProperty(JDBC_URL_PROPERTY))) {
            return;
        }
        Path dataDir = Path.of(firstSet(System.getenv("WARROOM_DATA_DIR"), System.getProperty("warroom.data.dir"), "data"))
                .resolve("postgres").toAbsolutePath();
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDir);
        System.getProperties().put(APP_STOPPED_SIGNAL, APP_STOPPED);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                // Quarkus stops in its own shutdown hook; the database goes last so in-flight work can finish.
                APP_STOPPED.await(APP_STOP_WAIT_SECONDS, TimeUnit.SECONDS);
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
