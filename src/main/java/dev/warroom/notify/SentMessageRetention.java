package dev.warroom.notify;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes delivered outbox messages once they are older than {@code warroom.outbox.keep-sent}. Nothing reads a
 * message after it is delivered (the cards it updates are found through {@code chat_message_ref}, the incident's
 * timeline keeps what happened), so without this the table grows by a row for every message ever sent. Messages
 * given up are kept: the incident's report lists them.
 */
@ApplicationScoped
public class SentMessageRetention {

    private static final Logger LOG = Logger.getLogger(SentMessageRetention.class);
    /** Rows deleted per transaction, so that a first prune of a large table holds no lock for long. */
    static final int BATCH = 10_000;
    private static final String DELETE_OLDEST_SENT = """
            delete from outbox_message where id in (
                select id from outbox_message where status = 'SENT' and sent_at < ?1 limit ?2)
            """;

    @Inject
    EntityManager entityManager;
    @Inject
    Clock clock;
    @ConfigProperty(name = "warroom.outbox.keep-sent")
    Duration keepSent;

    /** The first prune waits out the start, when a restarted instance delivers what waited. */
    @Scheduled(every = "${warroom.outbox.prune-every}", delayed = "15m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, executeWith = Scheduled.SIMPLE)
    void onSchedule() {
        prune();
    }

    /** Deletes the messages delivered more than {@code keep-sent} ago; returns how many. */
    public int prune() {
        return prune(BATCH);
    }

    int prune(int batch) {
        Instant before = clock.instant().minus(keepSent);
        int deleted = 0;
        int last;
        do {
            last = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(DELETE_OLDEST_SENT)
                    .setParameter(1, before).setParameter(2, batch).executeUpdate());
            deleted += last;
        } while (last == batch);
        if (deleted > 0) {
            LOG.infof("Deleted %d outbox messages delivered before %s (WARROOM_OUTBOX_KEEP_SENT %s)", deleted, before,
                    keepSent);
        }
        return deleted;
    }
}
