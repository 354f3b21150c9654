package dev.warroom.timer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The timers port: one row per kind and subject in the {@code timer} table, written in the caller's transaction, so
 * a timer is set or cleared together with the change that causes it. Setting one locks that row only.
 */
@ApplicationScoped
public class Timers {

    @Inject
    EntityManager entityManager;

    /** Sets the timer of this kind and subject to fire at {@code due}, replacing any earlier one (and its failures). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void schedule(String kind, String subject, Instant due) {
        entityManager.createNativeQuery("""
                        insert into timer (kind, subject, due, run_at) values (?1, ?2, ?3, ?3)
                        on conflict (kind, subject) do update set due = excluded.due, run_at = excluded.run_at,
                            claimed_until = null, attempts = 0, last_error = null, gave_up_at = null""")
                .setParameter(1, kind)
                .setParameter(2, subject)
                .setParameter(3, due)
                .executeUpdate();
    }

    /** Clears the timer of this kind and subject, if there is one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancel(String kind, String subject) {
        entityManager.createNativeQuery("delete from timer where kind = ?1 and subject = ?2")
                .setParameter(1, kind)
                .setParameter(2, subject)
                .executeUpdate();
    }

    /** The timer of this kind and subject, if one is waiting (a timer given up after failures is not). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PendingTimer> pending(String kind, String subject) {
        return select("kind = ?1 and subject = ?2", kind, subject).stream().findFirst();
    }

    /** Every timer waiting about this subject, soonest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<PendingTimer> pendingAbout(String subject, List<String> kinds) {
        return select("subject = ?1 and kind in (?2)", subject, kinds);
    }

    /** Every waiting timer of one kind. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<PendingTimer> pendingOfKind(String kind) {
        return select("kind = ?1", kind);
    }

    /** When the timer is next tried: its due time, or later while a failed firing waits for its retry. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Instant> nextFireTime(String kind, String subject) {
        List<?> rows = entityManager.createNativeQuery(
                        "select run_at from timer where kind = ?1 and subject = ?2 and gave_up_at is null")
                .setParameter(1, kind)
                .setParameter(2, subject)
                .getResultList();
        return rows.stream().findFirst().map(Timers::instant);
    }

    /**
     * Claims up to {@code limit} timers due by {@code now} for the caller until {@code claimUntil}, soonest first,
     * skipping rows another instance is claiming at this moment: each instance gets timers of its own.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<PendingTimer> claimDue(Instant now, int limit, Instant claimUntil) {
        List<?> rows = entityManager.createNativeQuery("""
                        with due as (
                            select kind, subject from timer
                            where run_at <= ?1 and gave_up_at is null and (claimed_until is null or claimed_until <= ?1)
                            order by run_at limit ?2 for update skip locked),
                        claimed as (
                            update timer t set claimed_until = ?3 from due
                            where t.kind = due.kind and t.subject = due.subject
                            returning t.kind, t.subject, t.due, t.run_at)
                        select kind, subject, due from claimed order by run_at""")
                .setParameter(1, now)
                .setParameter(2, limit)
                .setParameter(3, claimUntil)
                .getResultList();
        return rows.stream().map(Timers::pendingOf).toList();
    }

    /** Hands claimed timers back (an instance stopping), so another instance fires them without waiting for the claim to end. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(List<PendingTimer> claimed) {
        for (PendingTimer timer : claimed) {
            entityManager.createNativeQuery(
                            "update timer set claimed_until = null where kind = ?1 and subject = ?2 and due = ?3")
                    .setParameter(1, timer.kind())
                    .setParameter(2, timer.subject())
                    .setParameter(3, timer.due())
                    .executeUpdate();
        }
    }

    /**
     * Takes the timer for a firing: removes it in the firing's transaction (it comes back if the firing rolls back, and a
     * firing that sets it again stores a new one); false when it is not this one any more (cleared, or set again to
     * another time). The caller locks the timer's subject first, as commands do, so the two never wait in a circle.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean take(PendingTimer timer) {
        return entityManager.createNativeQuery("delete from timer where kind = ?1 and subject = ?2 and due = ?3")
                .setParameter(1, timer.kind())
                .setParameter(2, timer.subject())
                .setParameter(3, timer.due())
                .executeUpdate() == 1;
    }

    /** The failed attempts of this timer so far, the row locked to count one more; empty when it was cleared or set again. */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<Integer> lockAttempts(PendingTimer timer) {
        List<?> rows = entityManager.createNativeQuery(
                        "select attempts from timer where kind = ?1 and subject = ?2 and due = ?3 for update")
                .setParameter(1, timer.kind())
                .setParameter(2, timer.subject())
                .setParameter(3, timer.due())
                .getResultList();
        return rows.stream().findFirst().map(n -> ((Number) n).intValue());
    }

    /**
     * Hands a claimed timer back to be tried at {@code retryAt}, without counting an attempt (its subject was busy). A
     * row a command holds is left alone: that command sets the timer again or clears it, which ends the claim too.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void retryBusy(PendingTimer timer, Instant retryAt) {
        entityManager.createNativeQuery("""
                        update timer set claimed_until = null, run_at = ?4 where (kind, subject) in (
                            select kind, subject from timer where kind = ?1 and subject = ?2 and due = ?3
                            for update skip locked)""")
                .setParameter(1, timer.kind())
                .setParameter(2, timer.subject())
                .setParameter(3, timer.due())
                .setParameter(4, retryAt)
                .executeUpdate();
    }

    /** Records a failed firing that is tried again at {@code retryAt}. */
    @Transactional(Transactional.TxType.MANDATORY)
    void retryLater(PendingTimer timer, int attempts, String error, Instant retryAt) {
        recordFailure(timer, attempts, error, "run_at = ?6", retryAt);
    }

    /** Records the last failed firing: the timer stays, with its error, but is not tried again by itself. */
    @Transactional(Transactional.TxType.MANDATORY)
    void giveUp(PendingTimer timer, int attempts, String error, Instant now) {
        recordFailure(timer, attempts, error, "gave_up_at = ?6", now);
    }

    private void recordFailure(PendingTimer timer, int attempts, String error, String then, Instant at) {
        entityManager.createNativeQuery("update timer set attempts = ?4, last_error = ?5, claimed_until = null, " + then
                        + " where kind = ?1 and subject = ?2 and due = ?3")
                .setParameter(1, timer.kind())
                .setParameter(2, timer.subject())
                .setParameter(3, timer.due())
                .setParameter(4, attempts)
                .setParameter(5, error)
                .setParameter(6, at)
                .executeUpdate();
    }

    private List<PendingTimer> select(String where, Object... parameters) {
        var query = entityManager.createNativeQuery(
                "select kind, subject, due from timer where gave_up_at is null and " + where + " order by due, kind");
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        List<?> rows = query.getResultList();
        return rows.stream().map(Timers::pendingOf).toList();
    }

    private static PendingTimer pendingOf(Object row) {
        Object[] columns = (Object[]) row;
        return new PendingTimer((String) columns[0], (String) columns[1], instant(columns[2]));
    }

    /** A timestamptz as the JDBC driver and Hibernate hand it back. */
    static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
