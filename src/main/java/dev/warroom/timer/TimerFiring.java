package dev.warroom.timer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The body of every timer firing, whoever runs it (a Quartz thread of any instance, or {@link TimerRunner}): in one
 * transaction it records the firing, checks the timer is still the one set, and lets the kind's handler act.
 */
@ApplicationScoped
public class TimerFiring {

    private static final Logger LOG = Logger.getLogger(TimerFiring.class);

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

    /** Fires one timer; returns false when it had fired before, was replaced or cleared, or nothing handles its kind. */
    public boolean fire(String kind, String subject, Instant due) {
        Instant ranAt = clock.instant();
        Optional<TimerHandler> handler = handlers.stream().filter(h -> h.kind().equals(kind)).findFirst();
        if (handler.isEmpty()) {
            LOG.errorf("No handler for timers of kind %s (subject %s, due %s)", kind, subject, due);
            ran.fire(new TimerRan(kind, due, ranAt, TimerRan.Outcome.UNHANDLED));
            return false;
        }
        boolean fired;
        try {
            fired = QuarkusTransaction.requiringNew().call(() -> {
                if (!isCurrent(kind, subject, due) || !claim(kind, subject, due)) {
                    return false;
                }
                handler.get().fire(subject, due);
                return true;
            });
        } catch (RuntimeException e) {
            ran.fire(new TimerRan(kind, due, ranAt, TimerRan.Outcome.FAILED));
            throw e;
        }
        ran.fire(new TimerRan(kind, due, ranAt, fired ? TimerRan.Outcome.ACTED : TimerRan.Outcome.SKIPPED));
        if (fired) {
            handler.get().afterCommit();
        }
        return fired;
    }

    /** A timer cleared or set again since this firing began (e.g. acknowledged, handed over) must not act. */
    private boolean isCurrent(String kind, String subject, Instant due) {
        return timers.stored(kind, subject).map(p -> p.due().equals(due)).orElse(false);
    }

    /** Records the firing; false when it was recorded before, so a second firing sends nothing. */
    private boolean claim(String kind, String subject, Instant due) {
        return entityManager.createNativeQuery(
                        "insert into timer_firing (kind, subject, due, fired_at) values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, kind)
                .setParameter(2, subject)
                .setParameter(3, due)
                .setParameter(4, clock.instant())
                .executeUpdate() == 1;
    }
}
