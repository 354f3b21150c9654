package dev.warroom.notify;

import dev.warroom.command.Message;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Delivers pending outbox messages, oldest first for each destination: a message that must wait
 * (rate limit, platform down) holds back the later ones to the same place, so nothing arrives out
 * of order. Each message is claimed with SKIP LOCKED in its own transaction, so several instances
 * never deliver the same message twice.
 */
@ApplicationScoped
public class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class);
    private static final int BATCH = 100;
    private static final int MAX_ROUNDS = 50;
    static final int MAX_ATTEMPTS = 20;

    @Inject
    EntityManager entityManager;
    @Inject
    Outbox outbox;
    @Inject
    PlatformRouter router;
    @Inject
    Clock clock;

    /** One dispatcher at a time per instance; a caller waits for the running one, then runs again. */
    private final ReentrantLock running = new ReentrantLock();

    @Scheduled(every = "${warroom.outbox.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverOnSchedule() {
        deliverPending();
    }

    /** Delivers everything due now; returns how many messages were sent. */
    public int deliverPending() {
        running.lock();
        try {
            int sent = 0;
            for (int round = 0; round < MAX_ROUNDS; round++) {
                List<Long> heads = QuarkusTransaction.requiringNew().call(this::dueHeads);
                int sentThisRound = 0;
                for (Long id : heads) {
                    if (deliverOne(id)) {
                        sentThisRound++;
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

    private List<Long> dueHeads() {
        List<String> platforms = router.enabledPlatforms();
        if (platforms.isEmpty()) {
            return List.of();
        }
        return entityManager.createNativeQuery("""
                        select o.id from outbox_message o
                        where o.status = 'PENDING' and o.next_attempt_at <= ?1 and o.platform in (?2)
                          and not exists (select 1 from outbox_message p
                                          where p.status = 'PENDING' and p.platform = o.platform
                                            and p.destination_kind = o.destination_kind
                                            and p.destination = o.destination and p.id < o.id)
                        order by o.id limit %d""".formatted(BATCH), Long.class)
                .setParameter(1, clock.instant())
                .setParameter(2, platforms)
                .getResultList()
                .stream().map(Long.class::cast).toList();
    }

    private boolean deliverOne(long id) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                @SuppressWarnings("unchecked")
                List<OutboxMessage> claimed = entityManager.createNativeQuery(
                                "select * from outbox_message where id = ?1 and status = 'PENDING' for update skip locked",
                                OutboxMessage.class)
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

    /** A message given up on no longer holds back the ones after it. */
    private void giveUp(OutboxMessage row, String reason) {
        row.status = OutboxMessage.Status.FAILED;
        row.lastError = reason;
        LOG.errorf("Outbox message %d to %s %s given up after %d attempts: %s", row.id, row.platform, row.destination,
                row.attempts, reason);
    }

    /** 2s, 4s, 8s ... up to 5 minutes. */
    static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(300, 1L << Math.min(attempts, 9)));
    }
}
