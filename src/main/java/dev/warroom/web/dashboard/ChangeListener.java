package dev.warroom.web.dashboard;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.Driver;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Listens for {@link ChangeNotice}s from every Warroom instance on one database connection of its own (outside the
 * pool, which it would otherwise hold forever), on a thread of its own, and hands them to {@link LiveChanges}.
 * A lost connection is opened again with growing pauses; once it is back, pages are told to refresh, because
 * PostgreSQL keeps no notifications for a listener that was away.
 */
@ApplicationScoped
public class ChangeListener {

    /** How the listening connection shows in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "warroom-live";
    private static final Logger LOG = Logger.getLogger(ChangeListener.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);
    /** After this long without a notification the connection is checked, so a silently dropped one is noticed. */
    private static final int QUIET_CHECK_MILLIS = 10_000;
    private static final String SOCKET_TIMEOUT_SECONDS = "30";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;
    @Inject
    LiveChanges live;

    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile Connection connection;
    private volatile boolean listening;
    private Thread thread;

    void start(@Observes StartupEvent started) {
        thread = new Thread(this::listenUntilStopped, "warroom-live-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stopped) throws InterruptedException {
        stopping.countDown();
        closeQuietly(connection); // ends a wait for notifications at once
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    /** True while notifications are being received. */
    public boolean listening() {
        return listening;
    }

    private void listenUntilStopped() {
        Duration pause = FIRST_PAUSE;
        boolean away = false;
        while (!stopped()) {
            try (Connection listener = connect()) {
                connection = listener;
                try (Statement listen = listener.createStatement()) {
                    listen.execute("LISTEN " + ChangeNotice.CHANNEL);
                }
                listening = true;
                if (away) {
                    LOG.info("Live updates: listening for changes again; open pages refresh");
                    live.refreshAll();
                }
                away = false;
                pause = FIRST_PAUSE;
                receive(listener);
            } catch (SQLException | RuntimeException lost) {
                if (stopped()) {
                    return;
                }
                if (!away) {
                    LOG.warnf("Live updates: the database connection listening for changes failed (%s); "
                            + "opening it again, with pauses up to %ss", lost.getMessage(), LONGEST_PAUSE.toSeconds());
                }
                away = true;
            } finally {
                listening = false;
                connection = null;
            }
            if (pauseBeforeRetry(pause)) {
                return;
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    private void receive(Connection listener) throws SQLException {
        PGConnection postgres = listener.unwrap(PGConnection.class);
        while (!stopped()) {
            PGNotification[] notifications = postgres.getNotifications(QUIET_CHECK_MILLIS);
            if (notifications == null || notifications.length == 0) {
                try (Statement check = listener.createStatement()) {
                    check.execute("select 1");
                }
                continue;
            }
            for (PGNotification notification : notifications) {
                try {
                    live.heard(notification.getParameter());
                } catch (RuntimeException e) {
                    // One notice the pages miss is no reason to drop the connection (and the notices behind it).
                    LOG.errorf(e, "Live updates: could not pass on %s", notification.getParameter());
                }
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("socketTimeout", SOCKET_TIMEOUT_SECONDS);
        properties.setProperty("tcpKeepAlive", "true");
        Connection opened = new Driver().connect(url, properties);
        if (opened == null) {
            throw new SQLException("not a PostgreSQL JDBC URL: " + url);
        }
        opened.setAutoCommit(true);
        return opened;
    }

    /** True when Warroom is stopping meanwhile. */
    private boolean pauseBeforeRetry(Duration pause) {
        try {
            return stopping.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private boolean stopped() {
        return stopping.getCount() == 0;
    }

    private static void closeQuietly(Connection open) {
        if (open != null) {
            try {
                open.close();
            } catch (SQLException ignored) {
                // closing is all that was wanted
            }
        }
    }
}
