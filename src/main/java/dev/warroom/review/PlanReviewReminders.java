package dev.warroom.review;

import dev.warroom.command.Message;
import dev.warroom.notify.Destination;
import dev.warroom.notify.Outbox;
import dev.warroom.notify.OutboxWorkers;
import dev.warroom.plan.Plan;
import dev.warroom.plan.PlanRegistry;
import dev.warroom.plan.PlansReloaded;
import dev.warroom.timer.PendingTimer;
import dev.warroom.timer.TimerHandler;
import dev.warroom.timer.Timers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reminds a plan's owner, weekly, while the plan is past {@code reviewed + review_every}. One timer per plan, set
 * again whenever the plans are reloaded: first due the day after the review date, then a week after each reminder.
 */
@ApplicationScoped
public class PlanReviewReminders implements TimerHandler {

    public static final String KIND = "plan-review";
    static final Duration EVERY = Duration.ofDays(7);
    /** No chat platform is preferred for a plan's owner: the router picks one that reaches them. */
    private static final String ANY_PLATFORM = "";
    private static final Logger LOG = Logger.getLogger(PlanReviewReminders.class);

    @Inject
    PlanRegistry plans;
    @Inject
    Timers timers;
    @Inject
    Outbox outbox;
    @Inject
    OutboxWorkers outboxWorkers;
    @Inject
    EntityManager entityManager;
    @Inject
    Clock clock;

    void onReload(@Observes PlansReloaded reloaded) {
        try {
            reschedule(reloaded);
        } catch (RuntimeException e) {
            // Reading plans must not fail because the database is away; the next reload sets the reminders.
            LOG.errorf(e, "Plan review reminders could not be set");
        }
    }

    private void reschedule(PlansReloaded reloaded) {
        QuarkusTransaction.requiringNew().run(() -> {
            Set<String> services = reloaded.active().stream().map(Plan::service).collect(Collectors.toSet());
            for (Plan plan : reloaded.active()) {
                Instant due = nextDue(plan);
                if (!timers.pending(KIND, plan.service()).map(PendingTimer::due).equals(Optional.of(due))) {
                    timers.schedule(KIND, plan.service(), due);
                }
            }
            timers.pendingOfKind(KIND).stream().filter(t -> !services.contains(t.subject()))
                    .forEach(t -> timers.cancel(KIND, t.subject()));
        });
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void fire(String service, Instant due) {
        Optional<Plan> plan = plans.active(service);
        if (plan.isEmpty() || !plans.isStale(plan.get())) {
            return;
        }
        String owner = plan.get().owner();
        LOG.infof("Plan %s is stale (review was due %s); reminding its owner %s", service, plan.get().reviewDue(), owner);
        outbox.tell(ANY_PLATFORM, Destination.person(owner), Message.text("📋 The " + service + " plan is stale: its "
                + "review was due " + plan.get().reviewDue() + ". Please review it and update `reviewed` in its "
                + "manifest."), null);
        timers.schedule(KIND, service, weekAfter(due));
    }

    @Override
    public void afterCommit() {
        outboxWorkers.deliveryRequested();
    }

    /** The day after the review date, or a week after the last reminder for this review date. */
    private Instant nextDue(Plan plan) {
        Instant staleFrom = plan.reviewDue().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Object last = entityManager.createNativeQuery(
                        "select max(due) from timer_firing where kind = ?1 and subject = ?2 and due >= ?3")
                .setParameter(1, KIND)
                .setParameter(2, plan.service())
                .setParameter(3, staleFrom)
                .getSingleResult();
        return last == null ? staleFrom : weekAfter(toInstant(last));
    }

    /** A week on, skipping weeks the app was down for: one reminder after downtime, not one per missed week. */
    private Instant weekAfter(Instant due) {
        Instant next = due.plus(EVERY);
        while (!next.isAfter(clock.instant())) {
            next = next.plus(EVERY);
        }
        return next;
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
