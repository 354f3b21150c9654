package dev.warroom.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warroom.chat.AcknowledgedWork;
import dev.warroom.chat.RefusedRequests;
import dev.warroom.chat.WorkRefused;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;

/**
 * The Teams bot's messaging endpoint: Bot Framework activities, each with a bearer token that is
 * checked before anything is read or stored. Acknowledged at once; the command runs afterwards.
 */
@Path("/api/messages")
public class TeamsMessagesResource {

    private static final Logger LOG = Logger.getLogger(TeamsMessagesResource.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TeamsSettings settings;
    @Inject
    TeamsAuth auth;
    @Inject
    TeamsInbound inbound;
    @Inject
    AcknowledgedWork work;
    @Inject
    RefusedRequests refused;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response receive(String body, @Context HttpHeaders headers) {
        if (!settings.enabled()) {
            return json(404, "Teams is not configured: set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD");
        }
        JsonNode activity = null;
        String malformed = null;
        try {
            activity = JSON.readTree(body == null ? "" : body);
        } catch (Exception e) {
            malformed = "malformed activity JSON: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage().lines().findFirst().orElse(""));
        }
        if (malformed == null && (activity == null || !activity.isObject())) {
            malformed = "malformed activity: expected a JSON object";
        }
        // The token is checked first, so a sender without one learns nothing about how bodies are read. A token is
        // bound to the activity's serviceUrl; an unreadable body has none, so its token is checked against its own
        // claim (signature, issuer, audience and expiry still decide), and a genuine sender hears why it was 400.
        boolean readable = malformed == null;
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        String serviceUrl = readable ? activity.path("serviceUrl").asText("") : TeamsAuth.claimedServiceUrl(authorization);
        String channelId = readable ? activity.path("channelId").asText("") : "msteams";
        Optional<String> problem = auth.problem(authorization, serviceUrl, channelId);
        if (problem.isPresent()) {
            LOG.warnf("Teams activity refused: %s", problem.get());
            return json(401, problem.get());
        }
        if (!readable) {
            return json(400, malformed);
        }
        if (!"msteams".equals(channelId) && !settings.authDisabled()) {
            return json(400, "not a Teams activity (channelId " + channelId + ")");
        }
        if (serviceUrl.isBlank() || activity.path("conversation").path("id").asText("").isBlank()
                || activity.path("type").asText("").isBlank()) {
            return json(400, "malformed activity: type, serviceUrl and conversation.id are required");
        }
        Optional<String> overLimit = ActivityFieldLimits.overLimit(activity);
        if (overLimit.isPresent()) {
            return json(400, "malformed activity: " + overLimit.get());
        }
        try {
            work.checkTaking(); // before the conversation is remembered: a refused activity stores nothing
            inbound.accept(activity);
        } catch (WorkRefused refusal) {
            return refused.answer(TeamsDeliverer.PLATFORM, refusal);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Teams activity could not be handled");
            return json(400, "activity could not be handled: " + e.getClass().getSimpleName());
        }
        return Response.ok().build();
    }

    private static Response json(int status, String error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", error)).build();
    }
}
