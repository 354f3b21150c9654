package dev.warroom.support;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Another Warroom instance on the test database, as far as live updates go: its own connection, changing an incident
 * and announcing it the way every instance does (a NOTIFY in the change's transaction).
 */
public final class OtherInstance implements AutoCloseable {

    private final Connection connection;

    private OtherInstance(Connection connection) {
        this.connection = connection;
    }

    public static OtherInstance connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return new OtherInstance(DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class), ""));
    }

    /** Renames an incident and announces it, then commits (or rolls back, as a failed change would). */
    public void retitle(String key, String title, boolean commit) throws SQLException {
        connection.setAutoCommit(false);
        try {
            retitleWithoutNotice(key, title);
            notify("{\"incident\":\"" + key + "\"}");
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Renames an incident with no notice, as if its notice had been lost. */
    public void retitleWithoutNotice(String key, String title) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update incident set title = ? where number = ?")) {
            update.setString(1, title);
            update.setInt(2, Integer.parseInt(key.substring("INC-".length())));
            if (update.executeUpdate() != 1) {
                throw new IllegalArgumentException("no incident " + key);
            }
        }
    }

    /** A bare notice on the changes channel (committed at once outside {@link #retitle}). */
    public void notify(String payload) throws SQLException {
        try (PreparedStatement notify = connection.prepareStatement("select pg_notify('warroom_changes', ?)")) {
            notify.setString(1, payload);
            notify.execute();
        }
    }

    /** The database sessions through which Warroom instances listen for changes. */
    public List<Integer> listeners() throws SQLException {
        List<Integer> pids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "select pid from pg_stat_activity where application_name = 'warroom-live' order by pid");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                pids.add(rows.getInt(1));
            }
        }
        return pids;
    }

    /** Ends those sessions from the server side, as a database restart or a network cut would. */
    public void dropListeners() throws SQLException {
        try (PreparedStatement kill = connection.prepareStatement(
                "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'warroom-live'")) {
            kill.execute();
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
