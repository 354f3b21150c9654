package dev.warroom.chat.slack;

import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import dev.warroom.chat.AcknowledgedWork;
import dev.warroom.chat.ChatWorkNotStored;
import dev.warroom.chat.RefusedRequests;
import dev.warroom.chat.WorkRefused;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Slack's one endpoint: slash commands, interactivity and the Events API. A REST resource rather
 * than Bolt's servlet adapter: the body arrives as the exact string Slack signed (the servlet
 * adapter rebuilds it from lines, which can change the bytes), and no servlet container is needed.
 */
@Path("/slack/events")
public class SlackEventsResource {

    private static final Logger LOG = Logger.getLogger(SlackEventsResource.class);

    @Inject
    SlackSettings settings;
    @Inject
    SlackRequestVerifier verifier;
    @Inject
    SlackInbound inbound;
    @Inject
    AcknowledgedWork work;
    @Inject
    RefusedRequests refused;

    /**
     * Answered on the event loop: the signature, Bolt's handler and the ack need only the CPU, and the one wait, the
     * commit of the request's work, completes the answer from the thread that committed it. Answered on a worker
     * thread, each request in flight kept a thread parked until its commit, and 50 clients had the CPU switching
     * between them (bench/README.md, round 10).
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    public CompletionStage<jakarta.ws.rs.core.Response> receive(String body, @Context HttpHeaders headers) {
        if (!settings.enabled()) {
            return answered(json(404, "Slack is not configured: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET"));
        }
        String raw = body == null ? "" : body;
        String problem = verifier.problem(headers.getHeaderString("X-Slack-Request-Timestamp"),
                headers.getHeaderString("X-Slack-Signature"), raw);
        if (problem != null) {
            LOG.warnf("Slack request refused: %s", problem);
            return answered(json(401, problem));
        }
        try {
            work.checkTaking(); // refused before Bolt parses it: under a burst most requests end here, so this stays cheap
        } catch (WorkRefused refusal) {
            return answered(refused.answer(SlackDeliverer.PLATFORM, refusal));
        }
        Request<?> request;
        try {
            request = inbound.reader().read(raw, new RequestHeaders(headerMap(headers)));
        } catch (RuntimeException malformed) {
            return answered(json(400, "malformed Slack payload: " + malformed.getClass().getSimpleName()));
        }
        if (request == null) {
            LOG.warn("Slack request refused: not a Slack command, interaction or event");
            return answered(json(400, "not a Slack command, interaction or event"));
        }
        SlackInbound.Asked asked;
        try {
            asked = inbound.handle(request);
        } catch (MalformedSlackPayload malformed) {
            return answered(json(400, malformed.getMessage()));
        } catch (Exception e) {
            // A signed body the SDK cannot read is Slack's (or a test's) mistake, not ours: no stack trace at WARN.
            LOG.warnf("Slack request could not be read: %s", e.getMessage());
            LOG.debugf(e, "Slack request could not be read");
            return answered(json(400, "malformed Slack payload: " + e.getClass().getSimpleName()));
        }
        return work.submitLater(asked.works(), asked.tasks())
                .handle((taken, failure) -> failure == null ? toJaxRs(asked.response()) : notTaken(failure));
    }

    /** The work was not taken, so the request is not acknowledged: 503, and Slack sends it again. */
    private jakarta.ws.rs.core.Response notTaken(Throwable failure) {
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        if (cause instanceof WorkRefused refusal) {
            return refused.answer(SlackDeliverer.PLATFORM, refusal);
        }
        LOG.errorf(cause, "The work of a Slack request could not be taken");
        return refused.answer(SlackDeliverer.PLATFORM, new ChatWorkNotStored(cause));
    }

    private static CompletionStage<jakarta.ws.rs.core.Response> answered(jakarta.ws.rs.core.Response response) {
        return CompletableFuture.completedFuture(response);
    }

    private static Map<String, List<String>> headerMap(HttpHeaders headers) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.getRequestHeaders().forEach((name, values) -> map.put(name.toLowerCase(java.util.Locale.ROOT), values));
        return map;
    }

    private static jakarta.ws.rs.core.Response toJaxRs(Response response) {
        jakarta.ws.rs.core.Response.ResponseBuilder builder = jakarta.ws.rs.core.Response.status(response.getStatusCode());
        if (response.getBody() != null) {
            builder.entity(response.getBody()).type(response.getContentType());
        }
        response.getHeaders().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        return builder.build();
    }

    private static jakarta.ws.rs.core.Response json(int status, String error) {
        return jakarta.ws.rs.core.Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", error)).build();
    }
}
