package dev.warroom.timer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upgrading a database whose timers wait in Quartz's tables as one trigger each (before V10): they carry over to the
 * timer table, and their triggers and jobs leave Quartz's tables, which stay for the sweep job.
 */
@QuarkusTest
class TimerUpgradeTest {

    static final String SCHEMA = "before_timer_table";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Flyway appFlyway;

    @Test
    void timersWaitingInQuartzCarryOverWithTheirDueTimes() throws Exception {
        migrate().target(lastBeforeTimerTable()).load().migrate();
        Instant ackDue = Instant.parse("2026-11-25T09:05:00Z");
        Instant reviewDue = Instant.parse("2026-12-31T00:00:00Z");
        storeQuartzTimer("ack", "12", ackDue, ackDue.plusSeconds(30)); // fired late once: the job data keeps the due time
        storeQuartzTimer("plan-review", "payments-api", reviewDue, reviewDue);

        migrate().target(MigrationVersion.LATEST).load().migrate();

        assertThat(rows("select kind || ' ' || subject || ' ' || extract(epoch from due)::bigint || ' ' "
                + "|| extract(epoch from run_at)::bigint || ' ' || attempts from " + SCHEMA + ".timer order by kind"))
                .containsExactly("ack 12 " + ackDue.getEpochSecond() + " " + ackDue.getEpochSecond() + " 0",
                        "plan-review payments-api " + reviewDue.getEpochSecond() + " " + reviewDue.getEpochSecond() + " 0");
        assertThat(rows("select (select count(*) from " + SCHEMA + ".qrtz_job_details) || ' ' || (select count(*) from "
                + SCHEMA + ".qrtz_triggers) || ' ' || (select count(*) from " + SCHEMA + ".qrtz_simple_triggers)"))
                .containsExactly("0 0 0");
        assertThat(rows("select count(*) from information_schema.tables where table_schema = '" + SCHEMA
                + "' and table_name like 'qrtz%'")).containsExactly("11");
    }

    /** The newest migration before V10 (V6 up to V9, depending on what other work has landed). */
    private MigrationVersion lastBeforeTimerTable() {
        return Arrays.stream(appFlyway.info().all()).map(MigrationInfo::getVersion)
                .filter(v -> v.compareTo(MigrationVersion.fromVersion("10")) < 0)
                .max(Comparator.naturalOrder()).orElseThrow();
    }

    /** The app's own migrations (as Quarkus found them), into a schema of this test's. */
    private org.flywaydb.core.api.configuration.FluentConfiguration migrate() {
        return Flyway.configure().configuration(appFlyway.getConfiguration()).schemas(SCHEMA).defaultSchema(SCHEMA)
                .createSchemas(true);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    /** As Quartz 2.5 stored Warroom's one-off triggers (job data as java.util.Properties text, quarkus serialize-job-data=false). */
    private void storeQuartzTimer(String kind, String subject, Instant due, Instant nextFire) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement job = connection.prepareStatement("insert into " + SCHEMA + ".qrtz_job_details (sched_name, job_name, "
                    + "job_group, job_class_name, is_durable, is_nonconcurrent, is_update_data, requests_recovery) "
                    + "values ('QuarkusQuartzScheduler', ?, ?, 'dev.warroom.timer.TimerJob', false, false, false, true)")) {
                job.setString(1, subject);
                job.setString(2, kind);
                job.executeUpdate();
            }
            try (PreparedStatement trigger = connection.prepareStatement("insert into " + SCHEMA + ".qrtz_triggers (sched_name, trigger_name, "
                    + "trigger_group, job_name, job_group, next_fire_time, prev_fire_time, priority, trigger_state, "
                    + "trigger_type, start_time, end_time, misfire_instr, job_data) values ('QuarkusQuartzScheduler', ?, ?, "
                    + "?, ?, ?, -1, 5, 'WAITING', 'SIMPLE', ?, 0, 1, ?)")) {
                trigger.setString(1, subject);
                trigger.setString(2, kind);
                trigger.setString(3, subject);
                trigger.setString(4, kind);
                trigger.setLong(5, nextFire.toEpochMilli());
                trigger.setLong(6, due.toEpochMilli());
                trigger.setBytes(7, jobData(kind, subject, due));
                trigger.executeUpdate();
            }
            try (PreparedStatement simple = connection.prepareStatement("insert into " + SCHEMA + ".qrtz_simple_triggers "
                    + "(sched_name, trigger_name, trigger_group, repeat_count, repeat_interval, times_triggered) "
                    + "values ('QuarkusQuartzScheduler', ?, ?, 0, 0, 0)")) {
                simple.setString(1, subject);
                simple.setString(2, kind);
                simple.executeUpdate();
            }
        }
    }

    private static byte[] jobData(String kind, String subject, Instant due) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("kind", kind);
        properties.setProperty("subject", subject);
        properties.setProperty("due", due.toString());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        properties.store(bytes, "");
        return bytes.toByteArray();
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                try (ResultSet result = statement.executeQuery(sql)) {
                    while (result.next()) {
                        rows.add(result.getString(1));
                    }
                }
            }
        }
        return rows;
    }
}
