package dev.warroom.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Logs chat requests refused because the work queue is full ({@link WorkQueueFull}): one line, then at most one
 * every 10 seconds with how many more were refused. A burst is refused thousands of times a second, and a line
 * each (JSON-formatted, written by the threads that should answer the next requests) cost as much as the refusals.
 */
@ApplicationScoped
public class RefusedRequests {

    private static final Logger LOG = Logger.getLogger(RefusedRequests.class);
    private static final Duration EVERY = Duration.ofSeconds(10);

    @Inject
    Clock clock;

    private Instant lastLogged;
    private long notLogged;

    public synchronized void refused(String platform) {
        Instant now = clock.instant();
        if (lastLogged != null && now.isBefore(lastLogged.plus(EVERY))) {
            notLogged++;
            return;
        }
        LOG.warnf("%s request refused: %s%s", platform, WorkQueueFull.MESSAGE,
                notLogged == 0 ? "" : " (" + notLogged + " more refused since the last line like this)");
        lastLogged = now;
        notLogged = 0;
    }
}
