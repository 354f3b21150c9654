package dev.warroom.incident;

import dev.warroom.plan.Plan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** When each plan was last practised, and whether that is too long ago (a drill at least every {@code review_every}). */
@ApplicationScoped
public class DrillHistory {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    @Inject
    EntityManager entityManager;
    @Inject
    Clock clock;

    /**
     * A plan's drill record: the last drill (null when never), whether a drill is due (never drilled, or not within
     * {@code review_every}), and when, in words: {@code never}, {@code 2026-05-01, over 90d ago}, {@code 2026-11-25}.
     */
    public record DrillState(Instant lastDrill, boolean due, String when) {
        /** What {@code plans} says: {@code never drilled}, {@code last drill 2026-05-01, over 90d ago}. */
        public String text() {
            return lastDrill == null ? "never drilled" : "last drill " + when;
        }
    }

    /** The latest declaration of a drill of the service. */
    public Optional<Instant> lastDrill(String service) {
        return Optional.ofNullable(entityManager.createQuery(
                        "select max(i.declaredAt) from Incident i where i.drill = true and i.service = ?1", Instant.class)
                .setParameter(1, service)
                .getSingleResult());
    }

    public DrillState state(Plan plan) {
        Optional<Instant> last = lastDrill(plan.service());
        if (last.isEmpty()) {
            return new DrillState(null, true, "never");
        }
        String date = DATE.format(last.get());
        if (last.get().plus(plan.reviewEvery()).isBefore(clock.instant())) {
            return new DrillState(last.get(), true, date + ", over " + IncidentMessages.duration(plan.reviewEvery()) + " ago");
        }
        return new DrillState(last.get(), false, date);
    }
}
