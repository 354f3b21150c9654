package dev.warroom.notify;

import dev.warroom.command.Message;
import dev.warroom.incident.Timeline;
import dev.warroom.incident.TimelineEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delivers pending outbox messages in order per destination: only the oldest pending message of a
 * destination may go, so one that must wait (rate limit, platform down) holds back the later ones to the
 * same place, and nothing arrives out of order. Different destinations go in parallel: each caller
 * ({@link OutboxWorkers}' threads, the tests) claims one destination's next messages with FOR UPDATE SKIP
 * LOCKED, so two callers, in this instance or another, never deliver to one destination at the same time.
 */
@ApplicationScoped
public class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class);
    /** Messages to one destination claimed in one transaction: fewer transactions, while a crash re-sends at most these. */
    static final int BATCH = 20;
    /** A slow destination delivers a message or two per transaction, so its claim is not held for long. */
    private static final long BATCH_BUDGET_NANOS = Duration.ofSeconds(2).toNanos();
    private static final Duration SHORTEST_WAIT = Duration.ofSeconds(1);
    static final int MAX_ATTEMPTS = 20;
    private static final String WARROOM = "warroom";

    /*
     * The usual case, cheap however many destinations have messages waiting: the oldest pending messages
     * (outbox_message_pending_id), and among them the first of each destination, which is that destination's first
     * pending message of all (any earlier one would be among the oldest too); the oldest of those that is due,
     * locked. No probe per message: a probe walks the index entries of messages sent since the last vacuum, and
     * with a busy channel's head held by another worker, a probe for each of the hundred made a claim cost 28 ms
     * instead of 1 (bench/README, round 8). When they are all behind heads other callers hold (many messages to one
     * busy channel), CLAIM_HEAD looks at every destination.
     */
    private static final String CLAIM_OLDEST_HEAD = """
            with oldest as (
                select id, platform, destination_kind, destination, next_attempt_at from outbox_message
                where status = 'PENDING' and platform in (?2)
                order by id limit 100),
            heads as (
                select distinct on (platform, destination_kind, destination) id, next_attempt_at from oldest
                order by platform, destination_kind, destination, id)
            select o.* from outbox_message o
            where o.id in (select id from heads where next_attempt_at <= ?1) and o.status = 'PENDING'
            order by o.id limit 1
            for update of o skip locked""";

    /*
     * The first pending message of every destination (a loose index scan over outbox_message_pending: one
     * index probe per destination however many messages wait), then the oldest of those that is due, locked.
     * A head another caller holds is skipped; the messages behind it are no head while it is pending.
     */
    private static final String CLAIM_HEAD = """
            with recursive head as (
                (select platform, destination_kind, destination, id from outbox_message
                 where status = 'PENDING' order by platform, destination_kind, destination, id limit 1)
                union all
                select n.platform, n.destination_kind, n.destination, n.id from head h cross join lateral (
                    select m.platform, m.destination_kind, m.destination, m.id from outbox_message m
                    where m.status = 'PENDING'
                      and (m.platform, m.destination_kind, m.destination) > (h.platform, h.destination_kind, h.destination)
                    order by m.platform, m.destination_kind, m.destination, m.id limit 1) n
            )
            select * from outbox_message o
            where o.id in (select id from head) and o.status = 'PENDING' and o.next_attempt_at <= ?1 and o.platform in (?2)
            order by o.id limit 1
            for update of o skip locked""";

    /* Behind a locked head nobody else takes these (they are no head), so waiting for their lock never blocks. */
    private static final String CLAIM_FOLLOWERS = """
            select * from outbox_message
            where status = 'PENDING' and platform = ?1 and destination_kind = ?2 and destination = ?3 and id > ?4
            order by id limit ?5
            for update""";

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
    @Inject
    Event<DeliveryAttempted> attempted;
    @Inject
    OutboxClaims claims;

    /** Delivers everything due now, in order per destination, in the caller's thread; returns how many were sent. */
    public int deliverPending() {
        int sent = 0;
        Batch batch;
        while ((batch = deliverNextBatch(() -> { })).claimed()) {
            sent += batch.sent();
        }
        return sent;
    }

    /**
     * Claims the oldest due message whose destination nobody else is delivering to, and up to {@link #BATCH}
     * after it to the same destination, and delivers them in order until one must wait; one transaction.
     * {@code claimed} runs once they are claimed, before the first is sent.
     */
    Batch deliverNextBatch(Runnable claimed) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> claimAndDeliver(claimed));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Outbox messages could not be claimed or marked");
            return Batch.NONE; // the next request or sweep tries again
        }
    }

    private Batch claimAndDeliver(Runnable onClaimed) {
        List<String> platforms = router.enabledPlatforms();
        if (platforms.isEmpty()) {
            return Batch.NONE;
        }
        List<OutboxMessage> heads = head(CLAIM_OLDEST_HEAD, platforms);
        if (heads.isEmpty()) {
            heads = head(CLAIM_HEAD, platforms);
        }
        if (heads.isEmpty()) {
            return Batch.NONE;
        }
        OutboxMessage head = heads.get(0);
        List<OutboxMessage> claimed = new ArrayList<>(List.of(head));
        claimed.addAll(followers(head));
        Set<Long> unfinished = claims.claim(claimed.stream().map(row -> row.id).toList());
        onClaimed.run();
        long started = System.nanoTime(); // a time budget, not a point in time: the injected clock may stand still
        int sent = 0;
        Set<Long> tried = new HashSet<>();
        for (OutboxMessage row : claimed) {
            if (row.nextAttemptAt.isAfter(clock.instant())) {
                break;
            }
            tried.add(row.id);
            DeliveryAttempted.Outcome outcome = attempt(row, unfinished.contains(row.id));
            if (outcome == DeliveryAttempted.Outcome.SENT) {
                sent++;
            } else if (outcome != DeliveryAttempted.Outcome.GIVEN_UP) {
                break; // the later ones wait behind it
            }
            if (System.nanoTime() - started > BATCH_BUDGET_NANOS) {
                break;
            }
        }
        // A message this claim did not try keeps an earlier, unfinished claim's mark; this claim's own marks go.
        claims.finished(claimed.stream().map(row -> row.id)
                .filter(id -> tried.contains(id) || !unfinished.contains(id)).toList());
        return new Batch(true, sent);
    }

    @SuppressWarnings("unchecked")
    private List<OutboxMessage> head(String claimHead, List<String> platforms) {
        return entityManager.createNativeQuery(claimHead, OutboxMessage.class)
                .setParameter(1, clock.instant())
                .setParameter(2, platforms)
                .getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<OutboxMessage> followers(OutboxMessage head) {
        return entityManager.createNativeQuery(CLAIM_FOLLOWERS, OutboxMessage.class)
                .setParameter(1, head.platform)
                .setParameter(2, head.destinationKind.name())
                .setParameter(3, head.destination)
                .setParameter(4, head.id)
                .setParameter(5, BATCH - 1)
                .getResultList();
    }

    /** {@code claimedUnfinished}: an earlier claim of this message never committed, so it may have been sent. */
    private DeliveryAttempted.Outcome attempt(OutboxMessage row, boolean claimedUnfinished) {
        DeliveryAttempted.Outcome outcome = tryOnce(row, claimedUnfinished);
        attempted.fire(new DeliveryAttempted(row.platform, outcome, row.createdAt, clock.instant()));
        return outcome;
    }

    private DeliveryAttempted.Outcome tryOnce(OutboxMessage row, boolean claimedUnfinished) {
        row.attempts++;
        MessageDeliverer deliverer = router.deliverer(row.platform).orElseThrow();
        try {
            if (row.kind == OutboxMessage.Kind.OPEN_CHANNEL) {
                deliverer.open(outbox.read(row, ChannelOpening.class), row.incidentId);
            } else {
                deliverer.deliver(row.destination(), outbox.read(row, Message.class), row.incidentId,
                        new DeliveryAttempt(row.id, row.createdAt, row.outcomeUnknown || claimedUnfinished));
            }
            row.status = OutboxMessage.Status.SENT;
            row.sentAt = clock.instant();
            row.lastError = null;
            row.outcomeUnknown = false;
            return DeliveryAttempted.Outcome.SENT;
        } catch (DeliveryDeferred deferred) {
            Duration wait = deferred.retryAfter().compareTo(SHORTEST_WAIT) < 0 ? SHORTEST_WAIT : deferred.retryAfter();
            row.nextAttemptAt = clock.instant().plus(wait);
            row.lastError = deferred.getMessage();
            LOG.warnf("Outbox message %d to %s %s deferred for %ss: %s", row.id, row.platform, row.destination,
                    wait.toSeconds(), deferred.getMessage());
            return DeliveryAttempted.Outcome.RATE_LIMITED;
        } catch (DeliveryRejected rejected) {
            giveUp(row, rejected.getMessage());
            return DeliveryAttempted.Outcome.GIVEN_UP;
        } catch (Exception e) {
            row.lastError = String.valueOf(e.getMessage());
            row.outcomeUnknown = true;
            if (row.attempts >= MAX_ATTEMPTS) {
                giveUp(row, row.lastError);
                return DeliveryAttempted.Outcome.GIVEN_UP;
            }
            row.nextAttemptAt = clock.instant().plus(backoff(row.attempts));
            LOG.warnf("Outbox message %d to %s %s failed (attempt %d), retrying: %s", row.id, row.platform,
                    row.destination, row.attempts, row.lastError);
            return DeliveryAttempted.Outcome.RETRY;
        }
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

    /** What one claim did: whether it found a message at all, and how many it sent. */
    record Batch(boolean claimed, int sent) {
        static final Batch NONE = new Batch(false, 0);
    }
}
