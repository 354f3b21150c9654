package dev.warroom.notify;

import dev.warroom.command.Message;
import dev.warroom.incident.Timeline;
import dev.warroom.incident.TimelineEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Delivers pending outbox messages oldest first: a message that must wait (rate limit, platform
 * down) holds back the later ones to the same place, so nothing arrives out of order. Each message is claimed with SKIP LOCKED in its own transaction, so several instances
 * never deliver the same message twice.
 */
@ApplicationScoped
public class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class);
    private static final int BATCH = 100;
    private static final int MAX_ROUNDS = 50;
    static final int MAX_ATTEMPTS = 20;
    private static final String WARROOM = "warroom";

    @Inject
    EntityManager entityManager;
    @Inject
    Outbox outbox;
    @Inject
    PlatformRouter router;
    @Inject
    Clock clock;
    @Inject
    Timeline timeline;

    /** One dispatcher at a time per instance; a caller waits for the running one, then runs again. */
    private final ReentrantLock running = new ReentrantLock();

    @Scheduled(every = "${warroom.outbox.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            executeWith = Scheduled.SIMPLE)
    void deliverOnSchedule() {
        deliverPending();
    }

    /** Delivers everything due now, in order; returns how many messages were sent. */
    public int deliverPending() {
        running.lock();
        try {
            int sent = 0;
            for (int round = 0; round < MAX_ROUNDS; round++) {
                int sentThisRound = 0;
                Set<String> held = new HashSet<>();
                for (Object[] due : QuarkusTransaction.requiringNew().call(this::due)) {
                    String destination = (String) due[1];
                    if (!held.contains(destination)) {
                        if (deliverOne(((Number) due[0]).longValue())) {
                            sentThisRound++;
                        } else {
                            held.add(destination); // later messages to it wait for this one
                        }
                    }
                }
                sent += sentThisRound;
                if (sentThisRound == 0) {
                    break;
                }
            }
            return sent;
        } finally {
            running.unlock();
        }
    }

    /** Pending messages due now, oldest first: id and a destination key. */
    private List<Object[]> due() {
        List<String> platforms = router.enabledPlatforms();
        if (platforms.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select id, platform || ':' || destination_kind || ':' || destination from outbox_message
                        where status = 'PENDING' and next_attempt_at <= ?1 and platform in (?2)
                        order by id limit %d""".formatted(BATCH))
                .setParameter(1, clock.instant())
                .setParameter(2, platforms)
                .getResultList();
        return rows;
    }

    /**
     * Claims and delivers one message. It is skipped when another dispatcher holds it, or when an
     * older message to the same destination is still pending (waiting, or held by another dispatcher).
     */
    private boolean deliverOne(long id) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                @SuppressWarnings("unchecked")
                List<OutboxMessage> claimed = entityManager.createNativeQuery("""
                                select * from outbox_message o where o.id = ?1 and o.status = 'PENDING'
                                  and not exists (select 1 from outbox_message p
                                                  where p.status = 'PENDING' and p.platform = o.platform
                                                    and p.destination_kind = o.destination_kind
                                                    and p.destination = o.destination and p.id < o.id)
                                for update skip locked""", OutboxMessage.class)
                        .setParameter(1, id)
                        .getResultList();
                return !claimed.isEmpty() && attempt(claimed.get(0));
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "Outbox message %d could not be handled", id);
            return false;
        }
    }

    private boolean attempt(OutboxMessage row) {
        row.attempts++;
        MessageDeliverer deliverer = router.deliverer(row.platform).orElseThrow();
        try {
            if (row.kind == OutboxMessage.Kind.OPEN_CHANNEL) {
                deliverer.open(outbox.read(row, ChannelOpening.class), row.incidentId);
            } else {
                deliverer.deliver(row.destination(), outbox.read(row, Message.class), row.incidentId);
            }
            row.status = OutboxMessage.Status.SENT;
            row.sentAt = clock.instant();
            row.lastError = null;
            return true;
        } catch (DeliveryDeferred deferred) {
            row.nextAttemptAt = clock.instant().plus(deferred.retryAfter());
            row.lastError = deferred.getMessage();
            LOG.warnf("Outbox message %d to %s %s deferred for %ss: %s", row.id, row.platform, row.destination,
                    deferred.retryAfter().toSeconds(), deferred.getMessage());
        } catch (DeliveryRejected rejected) {
            giveUp(row, rejected.getMessage());
        } catch (Exception e) {
            row.lastError = String.valueOf(e.getMessage());
            if (row.attempts >= MAX_ATTEMPTS) {
                giveUp(row, row.lastError);
            } else {
                row.nextAttemptAt = clock.instant().plus(backoff(row.attempts));
                LOG.warnf("Outbox message %d to %s %s failed (attempt %d), retrying: %s", row.id, row.platform,
                        row.destination, row.attempts, row.lastError);
            }
        }
        return false;
    }

    /** A message given up on no longer holds back the ones after it; the incident's timeline says so. */
    private void giveUp(OutboxMessage row, String reason) {
        row.status = OutboxMessage.Status.FAILED;
        row.lastError = reason;
        LOG.errorf("Outbox message %d to %s %s given up after %d attempts: %s", row.id, row.platform, row.destination,
                row.attempts, reason);
        if (row.incidentId != null) {
            timeline.add(row.incidentId, WARROOM, TimelineEvent.Type.DELIVERY_FAILED, "A message to " + row.platform
                    + " " + row.destination + " could not be delivered after " + row.attempts + " attempt"
                    + (row.attempts == 1 ? "" : "s") + ": " + reason);
        }
    }

    /** 2s, 4s, 8s ... up to 5 minutes, plus up to a quarter more so instances retrying together spread out. */
    static Duration backoff(int attempts) {
        long seconds = Math.min(300, 1L << Math.min(attempts, 9));
        return Duration.ofMillis(seconds * 1000 + ThreadLocalRandom.current().nextLong(seconds * 250 + 1));
    }
}
