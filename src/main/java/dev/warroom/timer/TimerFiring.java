package dev.warroom.timer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The body of every timer firing, whoever runs it (a {@link TimerSweep} on a Quartz thread of any instance, or
 * {@link TimerRunner}): in one transaction it locks the subject, takes the timer, records the firing and lets the kind's
 * handler act. It runs outside every Quartz lock: the sweep job holds none while it works. A firing
 * that fails is rolled back (the timer with it) and tried again later, a bounded number of times.
 */
@ApplicationScoped
public class TimerFiring {

    private static final Logger LOG = Logger.getLogger(TimerFiring.class);
    /** Tries of one timer before it is given up; the waits between them double from one second to five minutes. */
    static final int MAX_ATTEMPTS = 10;
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LONGEST_RETRY = Duration.ofMinutes(5);
    /**
     * How long a firing waits for its subject, locked by a command: past it, the timer is handed back and tried again a
     * moment later, so a slow command holds up neither the rest of the sweep's timers nor a Quartz thread for long.
     */
    static final Duration SUBJECT_WAIT = Duration.ofMillis(500);
    static final Duration BUSY_RETRY = Duration.ofSeconds(1);
    /** PostgreSQL's lock_not_available: the lock_timeout ran out. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    @Inject
    Instance<TimerHandler> handlers;
    @Inject
    Timers timers;
    @Inject
    EntityManager entityManager;
    @Inject
    Clock clock;
    @Inject
    Event<TimerRan> ran;

    private final Map<String, Optional<TimerHandler>> handlerByKind = new ConcurrentHashMap<>();

    /** Fires one timer; false when it had fired before, was replaced or cleared, or failed (then it is retried). */
    public boolean fire(String kind, String subject, Instant due) {
        Instant ranAt = clock.instant();
        PendingTimer timer = new PendingTimer(kind, subject, due);
        Optional<TimerHandler> handler = handlerByKind.computeIfAbsent(kind,
                k -> handlers.stream().filter(h -> h.kind().equals(k)).findFirst());
        if (handler.isEmpty()) {
            ran.fire(new TimerRan(kind, due, ranAt, TimerRan.Outcome.UNHANDLED));
            failed(timer, Optional.empty(), new IllegalStateException("no handler for timers of kind " + kind));
            return false;
        }
        boolean fired;
        try {
            fired = QuarkusTransaction.requiringNew().call(() -> fireInTransaction(timer, handler.get()));
        } catch (RuntimeException e) {
            if (subjectWasBusy(e)) {
                tryAgainSoon(timer); // not a run: the timer did not get its subject
            } else {
                ran.fire(new TimerRan(kind, due, ranAt, TimerRan.Outcome.FAILED));
                failed(timer, handler, e);
            }
            return false;
        }
        ran.fire(new TimerRan(kind, due, ranAt, fired ? TimerRan.Outcome.ACTED : TimerRan.Outcome.SKIPPED));
        if (fired) {
            handler.get().afterCommit();
        }
        return fired;
    }

    private boolean fireInTransaction(PendingTimer timer, TimerHandler handler) {
        lockTimeout(SUBJECT_WAIT.toMillis() + "ms");
        handler.lock(timer.subject());
        lockTimeout("0"); // the handler's own work waits as long as commands do
        if (!timers.take(timer)) {
            return false; // cleared or set again since it was claimed (acknowledged, handed over, ...)
        }
        boolean first = claim(timer);
        if (first) {
            handler.fire(timer.subject(), timer.due());
        }
        return first;
    }

    private void lockTimeout(String value) {
        entityManager.createNativeQuery("select set_config('lock_timeout', ?1, true)").setParameter(1, value).getSingleResult();
    }

    private static boolean subjectWasBusy(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** A command holds the subject: not a failure (no attempt counted), the timer is tried again in a moment. */
    private void tryAgainSoon(PendingTimer timer) {
        Instant retryAt = clock.instant().plus(BUSY_RETRY);
        try {
            QuarkusTransaction.requiringNew().run(() -> timers.retryBusy(timer, retryAt));
            LOG.debugf("Timer %s of %s (due %s) waits for a command on its subject; tried again at %s", timer.kind(),
                    timer.subject(), timer.due(), retryAt);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Timer %s of %s (due %s) found its subject busy and could not be handed back; its claim runs "
                    + "out in %s", timer.kind(), timer.subject(), timer.due(), TimerSweep.CLAIM_FOR);
        }
    }

    /** Records the firing; false when it was recorded before, so a second firing sends nothing. */
    private boolean claim(PendingTimer timer) {
        return entityManager.createNativeQuery(
                        "insert into timer_firing (kind, subject, due, fired_at) values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, timer.kind())
                .setParameter(2, timer.subject())
                .setParameter(3, timer.due())
                .setParameter(4, clock.instant())
                .executeUpdate() == 1;
    }

    /** Nothing of the failed firing was kept (rolled back): count the attempt and try again later, or give up loudly. */
    private void failed(PendingTimer timer, Optional<TimerHandler> handler, RuntimeException thrown) {
        // The transaction wrapper adds nothing a reader needs: name what the handler threw.
        Throwable error = thrown instanceof QuarkusTransactionException && thrown.getCause() != null ? thrown.getCause() : thrown;
        String reason = error.getMessage() == null ? error.getClass().getName() : error.getMessage();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                String about = describe(timer, handler);
                Optional<Integer> before = timers.lockAttempts(timer);
                if (before.isEmpty()) {
                    LOG.warnf(error, "Timer %s of %s (due %s) failed; it was cleared or set again since", timer.kind(),
                            about, timer.due());
                    return;
                }
                int attempts = before.get() + 1;
                Instant now = clock.instant();
                if (attempts >= MAX_ATTEMPTS) {
                    timers.giveUp(timer, attempts, reason, now);
                    LOG.errorf(error, "Timer %s of %s (due %s) failed %d times and is given up: %s", timer.kind(), about,
                            timer.due(), attempts, reason);
                } else {
                    Instant retryAt = now.plus(retryAfter(attempts));
                    timers.retryLater(timer, attempts, reason, retryAt);
                    LOG.warnf(error, "Timer %s of %s (due %s) failed (attempt %d of %d), tried again at %s: %s",
                            timer.kind(), about, timer.due(), attempts, MAX_ATTEMPTS, retryAt, reason);
                }
            });
        } catch (RuntimeException e) {
            // The database itself is away: the claim runs out and the timer is tried again then.
            LOG.errorf(e, "Timer %s of %s (due %s) failed and its failure could not be recorded", timer.kind(),
                    timer.subject(), timer.due());
        }
    }

    /** The subject as logs name it; its bare id when even that fails (the subject may be what broke the firing). */
    private static String describe(PendingTimer timer, Optional<TimerHandler> handler) {
        try {
            return handler.map(h -> h.describe(timer.subject())).orElse(timer.subject());
        } catch (RuntimeException e) {
            return timer.subject();
        }
    }

    /** The wait after the n-th failed attempt: 1 s, 2 s, 4 s, ... up to five minutes. */
    static Duration retryAfter(int attempts) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }
}
