package dev.warroom.fuzz;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts every row inserted, updated or deleted in the app's tables, with row triggers installed for a fuzz run:
 * a refused request must leave the count where it was. Row triggers, not counts of rows, so that an update of a
 * stored incident is seen too; row-level, so that a statement that touches no row is not a change.
 */
@ApplicationScoped
public class StoredChanges {

    private static final String COUNTER = "fuzz_stored_changes";

    @Inject
    AgroalDataSource dataSource;

    public void install() {
        run(List.of("create table if not exists " + COUNTER + " (n bigint not null)",
                "delete from " + COUNTER, "insert into " + COUNTER + " values (0)",
                "create or replace function fuzz_count_change() returns trigger language plpgsql as "
                        + "$$ begin update " + COUNTER + " set n = n + 1; return null; end $$"));
        List<String> triggers = new ArrayList<>();
        for (String table : appTables()) {
            triggers.add("drop trigger if exists fuzz_change on " + table);
            triggers.add("create trigger fuzz_change after insert or update or delete on " + table
                    + " for each row execute function fuzz_count_change()");
        }
        run(triggers);
    }

    public void uninstall() {
        List<String> drops = new ArrayList<>();
        for (String table : appTables()) {
            drops.add("drop trigger if exists fuzz_change on " + table);
        }
        drops.add("drop table if exists " + COUNTER);
        drops.add("drop function if exists fuzz_count_change()");
        run(drops);
    }

    public long count() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select n from " + COUNTER)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The app's own tables: Flyway's history and Quartz's tables belong to the frameworks. */
    private List<String> appTables() {
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select tablename from pg_tables where schemaname = current_schema()"
                     + " and tablename <> 'flyway_schema_history' and tablename not like 'qrtz%' and tablename <> '"
                     + COUNTER + "'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return tables;
    }

    private void run(List<String> statements) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
