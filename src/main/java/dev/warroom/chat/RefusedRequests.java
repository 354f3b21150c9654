package dev.warroom.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.util.Map;

/** The one answer to a chat request whose work was not taken: 503, {@code Retry-After} and the reason in words. */
@ApplicationScoped
public class RefusedRequests {

    private static final Logger LOG = Logger.getLogger(RefusedRequests.class);

    @Inject
    Event<ChatRequestRefused> refused;

    public Response answer(String platform, WorkRefused refusal) {
        LOG.warnf("%s request refused: %s", platform, refusal.getMessage());
        refused.fire(new ChatRequestRefused(platform, refusal.reason()));
        return Response.status(503).type(MediaType.APPLICATION_JSON).header("Retry-After", WorkRefused.RETRY_AFTER_SECONDS)
                .entity(Map.of("error", refusal.getMessage())).build();
    }
}
