package dev.warroom.notify;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Delivers pending outbox messages in order. Rows are claimed with SKIP LOCKED so several
 * dispatchers (threads or instances) never deliver the same message twice.
 */
@ApplicationScoped
public class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class);
    private static final int BATCH = 100;
    private static final int MAX_ATTEMPTS = 20;

    @Inject
    EntityManager entityManager;
    @Inject
    Outbox outbox;
    @Inject
    MessageDeliverer deliverer;
    @Inject
    Clock clock;

    @Scheduled(every = "${warroom.outbox.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverOnSchedule() {
        deliverPending();
    }

    /** Delivers everything due now; returns how many messages were sent. */
    @Transactional
    public int deliverPending() {
        @SuppressWarnings("unchecked")
        List<OutboxMessage> due = entityManager.createNativeQuery(
                        "select * from outbox_message where status = 'PENDING' and next_attempt_at <= ?1"
                                + " order by id limit " + BATCH + " for update skip locked", OutboxMessage.class)
                .setParameter(1, clock.instant())
                .getResultList();
        int sent = 0;
        for (OutboxMessage row : due) {
            if (deliver(row)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean deliver(OutboxMessage row) {
        row.attempts++;
        try {
            deliverer.deliver(row.destination(), outbox.read(row), row.incidentId);
            row.status = OutboxMessage.Status.SENT;
            row.sentAt = clock.instant();
            row.lastError = null;
            return true;
        } catch (Exception e) {
            row.lastError = String.valueOf(e.getMessage());
            if (row.attempts >= MAX_ATTEMPTS) {
                row.status = OutboxMessage.Status.FAILED;
                LOG.errorf("Outbox message %d to %s gave up after %d attempts: %s", row.id, row.destination,
                        row.attempts, row.lastError);
            } else {
                row.nextAttemptAt = clock.instant().plus(backoff(row.attempts));
                LOG.warnf("Outbox message %d to %s failed (attempt %d), retrying: %s", row.id, row.destination,
                        row.attempts, row.lastError);
            }
            return false;
        }
    }

    static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(300, 1L << Math.min(attempts, 9)));
    }
}
