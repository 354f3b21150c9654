package dev.warroom.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The one answer to a chat request whose work was not taken: 503, {@code Retry-After} and the reason in words.
 *
 * <p>Logged once, then at most once every 10 seconds per reason with how many more were refused: a burst is refused
 * thousands of times a second, and a line each (JSON-formatted, written by the threads that should answer the next
 * requests) cost as much as the refusals.
 */
@ApplicationScoped
public class RefusedRequests {

    private static final Logger LOG = Logger.getLogger(RefusedRequests.class);
    private static final Duration EVERY = Duration.ofSeconds(10);

    @Inject
    Event<ChatRequestRefused> refused;
    @Inject
    Clock clock;

    private final Map<String, Instant> lastLogged = new HashMap<>();
    private final Map<String, Long> notLogged = new HashMap<>();

    public Response answer(String platform, WorkRefused refusal) {
        log(platform, refusal);
        refused.fire(new ChatRequestRefused(platform, refusal.reason()));
        return Response.status(503).type(MediaType.APPLICATION_JSON).header("Retry-After", WorkRefused.RETRY_AFTER_SECONDS)
                .entity(Map.of("error", refusal.getMessage())).build();
    }

    private synchronized void log(String platform, WorkRefused refusal) {
        Instant now = clock.instant();
        Instant last = lastLogged.get(refusal.reason());
        if (last != null && now.isBefore(last.plus(EVERY))) {
            notLogged.merge(refusal.reason(), 1L, Long::sum);
            return;
        }
        long more = notLogged.getOrDefault(refusal.reason(), 0L);
        LOG.warnf("%s request refused: %s%s%s", platform, refusal.getMessage(),
                refusal.getCause() == null ? "" : " Cause: " + refusal.getCause().getMessage(),
                more == 0 ? "" : " (" + more + " more refused since the last line like this)");
        lastLogged.put(refusal.reason(), now);
        notLogged.put(refusal.reason(), 0L);
    }
}
