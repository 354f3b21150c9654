package dev.warroom.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warroom.incident.AlertFlow;
import dev.warroom.incident.AlertOutcome;
import dev.warroom.plan.PlanRegistry;
import dev.warroom.web.ApiError;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Prometheus Alertmanager's webhook receiver: a firing alert group for a service with a plan declares
 * an incident. Alertmanager sends the shared secret as a bearer token ({@code http_config.authorization}).
 */
@Path("/api/alerts/alertmanager")
public class AlertmanagerResource {

    private static final Logger LOG = Logger.getLogger(AlertmanagerResource.class);

    /** Strict about types, lenient about fields Warroom does not read: Alertmanager adds fields over time. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Inject
    AlertSettings settings;
    @Inject
    PlanRegistry plans;
    @Inject
    AlertFlow alerts;

    public record Answer(String result, String incident, String reason) {}

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        if (settings.token().isEmpty()) {
            return ApiError.response(Response.Status.UNAUTHORIZED, "The alert webhook is off: set WARROOM_ALERT_TOKEN.");
        }
        if (!authorized(authorization, settings.token().get())) {
            return ApiError.response(Response.Status.UNAUTHORIZED, "Missing or wrong bearer token.");
        }
        AlertmanagerNotification notification;
        try {
            notification = body == null || body.isBlank() ? null : JSON.readValue(body, AlertmanagerNotification.class);
        } catch (JsonProcessingException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, "The body is not Alertmanager's webhook JSON: "
                    + e.getOriginalMessage());
        }
        Optional<String> malformed = AlertmanagerReading.malformed(notification);
        if (malformed.isPresent()) {
            return ApiError.response(Response.Status.BAD_REQUEST, malformed.get());
        }
        AlertmanagerReading.Result reading = new AlertmanagerReading(settings, plans).read(notification);
        AlertOutcome outcome = reading.notice() == null ? AlertOutcome.ignored(reading.ignoredBecause())
                : alerts.receive(reading.notice(), settings.platform(), settings.channel());
        if (outcome.result() == AlertOutcome.Result.IGNORED) {
            LOG.warnf("Alertmanager group %s (%s) ignored: %s", notification.groupKey(), notification.status(), outcome.reason());
        }
        return Response.ok(new Answer(outcome.result().name().toLowerCase(java.util.Locale.ROOT), outcome.incident(),
                outcome.reason())).build();
    }

    private static boolean authorized(String header, String token) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(header.substring(7).strip().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }
}
