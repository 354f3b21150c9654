package dev.warroom.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded server that keeps Warroom's data (no database configured) writes each commit to disk before it returns. */
class EmbeddedDatabaseTest {

    @Test
    void theServerKeepingTheDataIsDurable(@TempDir Path dataDir) throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir.resolve("postgres"));
             Connection connection = DriverManager.getConnection(database.jdbcUrl())) {
            assertThat(setting(connection, "fsync")).isEqualTo("on");
            assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(connection, "full_page_writes")).isEqualTo("on");
        }
    }

    /** Another Warroom's server took the port found free: this one starts elsewhere and keeps its data apart. */
    @Test
    void aPortTakenByAnotherServerBeforeOursListensIsNotUsed(@TempDir Path dataDir) throws Exception {
        try (EmbeddedDatabase other = EmbeddedDatabase.startTemporary()) {
            Iterator<Integer> ports = List.of(other.port(), freePort()).iterator();
            try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir.resolve("postgres"), ports::next);
                 Connection connection = DriverManager.getConnection(database.jdbcUrl())) {
                assertThat(database.port()).isNotEqualTo(other.port());
                assertThat(Path.of(setting(connection, "data_directory")).toRealPath())
                        .isEqualTo(dataDir.resolve("postgres").toRealPath());
            }
        }
    }

    @Test
    void aStartWhoseEveryPortIsTakenFailsSayingSo(@TempDir Path dataDir) throws Exception {
        try (EmbeddedDatabase other = EmbeddedDatabase.startTemporary()) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir.resolve("postgres"), other::port))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("PostgreSQL could not get a port of its own: another server took each of 3 free ports"
                            + " before it could listen, the last " + other.port());
            try (Connection connection = DriverManager.getConnection(other.jdbcUrl())) {
                assertThat(setting(connection, "server_version_num")).as("the other server still runs").isNotEmpty();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("show " + name)) {
            row.next();
            return row.getString(1);
        }
    }
}
