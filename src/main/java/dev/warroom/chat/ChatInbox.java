package dev.warroom.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;

/** The stored work of acknowledged chat requests ({@code chat_inbox}), each change in a transaction of its own. */
@ApplicationScoped
public class ChatInbox {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() { };
    private static final int VOUCH_BATCH = 1000;
    static final Duration RESTAMP_AFTER = Duration.ofSeconds(20);

    @Inject
    EntityManager entityManager;
    @Inject
    DataSource dataSource;
    @Inject
    Clock clock;

    /**
     * Runs the commits of requests answered on an event loop, which must not wait for the database. At the normal
     * priority, not the work's: the acks wait for these commits.
     */
    private final ExecutorService committer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "chat-inbox-commits");
        thread.setDaemon(true);
        return thread;
    });
    private final SharedCommits<Row> sharedCommits = new SharedCommits<>(this::storeTogether, ChatInbox::unreachable,
            committer);

    /**
     * A stored piece of work: its row's id, its kind and its fields as stored. Kept so, as one string, while it waits
     * in a queue: under a burst tens of thousands wait, and a map of strings each was what the young collections
     * copied again and again (bench/README.md, round 9).
     */
    public record Stored(long id, String kind, String payload) {

        /** The work, read from its stored fields. */
        public InboxWork work() {
            return new InboxWork(kind, read(payload));
        }
    }

    /**
     * Stores the work before the request is acknowledged, committed when this returns. Requests arriving together
     * share a commit ({@link SharedCommits}). Called outside any transaction, so the commit is not a caller's.
     *
     * @throws ChatWorkNotStored when the database did not take it: the request is refused, not acknowledged
     */
    Stored store(InboxWork work) {
        refuseInsideTransaction(); // checked here, in the caller's thread: another thread may run the statement
        Row row = new Row(work.kind(), write(work.fields()));
        try {
            return new Stored(sharedCommits.store(row), row.kind(), row.payload());
        } catch (RuntimeException notStored) {
            throw new ChatWorkNotStored(notStored);
        }
    }

    /**
     * Stores the work like {@link #store}, for a caller that must not wait (an event loop): {@code then} is told the
     * stored work, or {@link ChatWorkNotStored}, on the thread that committed it.
     */
    void storeLater(InboxWork work, BiConsumer<Stored, ChatWorkNotStored> then) {
        Row row = new Row(work.kind(), write(work.fields()));
        sharedCommits.storeLater(row, (id, failure) -> {
            if (failure == null) {
                then.accept(new Stored(id, row.kind(), row.payload()), null);
            } else {
                then.accept(null, new ChatWorkNotStored(failure));
            }
        });
    }

    /** Commits already asked for still run; requests are refused by then ({@link AcknowledgedWork#stopTaking}). */
    @PreDestroy
    void stop() {
        committer.shutdown();
    }

    /** No connection, or the one in hand broke (SQL state class 08, or none: the pool's own timeout). */
    private static boolean unreachable(RuntimeException failure) {
        if (!(failure.getCause() instanceof SQLException sql)) {
            return false;
        }
        String state = sql.getSQLState();
        return state == null || state.startsWith("08");
    }

    private record Row(String kind, String payload) {
    }

    /**
     * One statement for the lot, on an autocommit connection: this is on every chat request's path to its ack, and
     * a JTA transaction and a Hibernate session cost more than the insert. The ids are drawn before the insert, so
     * each is known to be its own row's, in the order given.
     */
    private List<Long> storeTogether(List<Row> rows) {
        return autocommit("with given as (select nextval('chat_inbox_id_seq') as id, w.kind, w.payload, w.n"
                        + " from unnest(?::text[], ?::text[]) with ordinality as w(kind, payload, n)),"
                        + " stored as (insert into chat_inbox (id, kind, payload, received_at)"
                        + " select id, kind, payload, cast(? as timestamptz) from given)"
                        + " select id from given order by n",
                "chat work could not be stored", insert -> {
                    Connection connection = insert.getConnection();
                    insert.setArray(1, connection.createArrayOf("text", rows.stream().map(Row::kind).toArray()));
                    insert.setArray(2, connection.createArrayOf("text", rows.stream().map(Row::payload).toArray()));
                    insert.setObject(3, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                    List<Long> ids = new ArrayList<>(rows.size());
                    try (ResultSet stored = insert.executeQuery()) {
                        while (stored.next()) {
                            ids.add(stored.getLong(1));
                        }
                    }
                    return ids;
                });
    }

    /**
     * Stamps work this instance holds (queued, running or in its backlog) as received now, so that no other instance
     * takes it for left work while it merely waits in a long queue. A row stamped within {@link #RESTAMP_AFTER} is
     * left as it is: with a scan every 15 s each row is stamped again before it is 35 s old, well within the minute,
     * and a burst's backlog of a hundred thousand rows is not rewritten at every scan while requests wait for their
     * commits behind those writes.
     */
    void vouchFor(long[] held) {
        Instant now = clock.instant();
        for (int from = 0; from < held.length; from += VOUCH_BATCH) {
            long[] batch = Arrays.copyOfRange(held, from, Math.min(held.length, from + VOUCH_BATCH));
            autocommit("update chat_inbox set received_at = ? where id = any(?) and received_at < ?",
                    "held chat work could not be vouched for", update -> {
                        update.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                        update.setArray(2, idArray(update, batch));
                        update.setObject(3, OffsetDateTime.ofInstant(now.minus(RESTAMP_AFTER), ZoneOffset.UTC));
                        return update.executeUpdate();
                    });
        }
    }

    private static java.sql.Array idArray(PreparedStatement statement, long[] ids) throws SQLException {
        return statement.getConnection().createArrayOf("bigint", Arrays.stream(ids).boxed().toArray());
    }

    /**
     * The stored work of the given ids, by id; an id whose row is gone (done, or taken by another instance's
     * recovery) is missing from it.
     */
    Map<Long, Stored> load(long[] ids) {
        return autocommit("select id, kind, payload from chat_inbox where id = any(?)", "chat work could not be read",
                select -> {
                    select.setArray(1, idArray(select, ids));
                    Map<Long, Stored> stored = new HashMap<>();
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            stored.put(rows.getLong(1), new Stored(rows.getLong(1), rows.getString(2),
                                    rows.getString(3)));
                        }
                    }
                    return stored;
                });
    }

    /** Removes work that was done, in a commit of its own (plain JDBC, as {@link #store}). */
    void done(long id) {
        autocommit("delete from chat_inbox where id = ?", "done chat work could not be removed", delete -> {
            delete.setLong(1, id);
            return delete.executeUpdate();
        });
    }

    private interface StatementWork<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    /**
     * One statement on a connection of its own, committed by itself. Refused inside a transaction: there the pool
     * would enlist the connection in it, and the commit would not be this call's.
     */
    private <T> T autocommit(String sql, String failure, StatementWork<T> work) {
        refuseInsideTransaction();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            return work.run(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(failure + ": " + e.getMessage(), e);
        }
    }

    private static void refuseInsideTransaction() {
        if (QuarkusTransaction.isActive()) {
            throw new IllegalStateException("the chat inbox commits on its own: call it outside a transaction");
        }
    }

    /**
     * Work received before {@code before} and still stored: its instance died, or it waits far longer than work ever
     * should. Each row taken is stamped now, so another instance's scan leaves it alone while it runs here.
     */
    @SuppressWarnings("unchecked")
    List<Stored> takeLeftBefore(Instant before, int limit) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "update chat_inbox set received_at = ?1 where id in (select id from chat_inbox where received_at < ?2"
                                + " order by id limit ?3 for update skip locked) returning id, kind, payload")
                .setParameter(1, clock.instant()).setParameter(2, before).setParameter(3, limit).getResultList());
        List<Stored> stored = new ArrayList<>();
        for (Object[] row : rows) {
            stored.add(new Stored(((Number) row[0]).longValue(), (String) row[1], (String) row[2]));
        }
        stored.sort((a, b) -> Long.compare(a.id(), b.id()));
        return stored;
    }

    private static String write(Map<String, String> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chat work fields could not be written", e);
        }
    }

    private static Map<String, String> read(String payload) {
        try {
            return JSON.readValue(payload, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored chat work could not be read: " + e.getOriginalMessage(), e);
        }
    }
}
