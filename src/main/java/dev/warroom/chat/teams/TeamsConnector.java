package dev.warroom.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warroom.notify.DeliveryDeferred;
import dev.warroom.notify.DeliveryRejected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The Bot Connector REST API (v3) at a conversation's service URL, with the bot's own token from the
 * login endpoint (client credentials at {@link TeamsSettings#tokenUrl()}).
 *
 * <p>This is Warroom's override of the SDK's outbound credentials: plain HTTP rather than the SDK's
 * connector client and {@code MicrosoftAppCredentials}, because {@code BotFrameworkAdapter.buildAppCredentials}
 * passes no tenant (single-tenant bots cannot get a token), {@code MicrosoftAppCredentials.buildAuthenticator}
 * fixes Microsoft's login address (no stand-in, no proxy), and the SDK's client retries 429s by itself,
 * while Warroom's outbox must see them.
 */
@ApplicationScoped
public class TeamsConnector {

    static final String SCOPE = "https://api.botframework.com/.default";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TeamsSettings settings;
    @Inject
    Clock clock;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String token;
    private Instant tokenExpiresAt = Instant.EPOCH;

    ObjectMapper json() {
        return JSON;
    }

    /** POST /v3/conversations/{id}/activities: returns the new activity's id. */
    public String send(String serviceUrl, String conversationId, JsonNode activity) throws Exception {
        JsonNode answer = call("POST", serviceUrl, "v3/conversations/" + encode(conversationId) + "/activities", activity);
        return answer.path("id").asText(null);
    }

    /** PUT /v3/conversations/{id}/activities/{activityId}: replaces a message in place. */
    public void update(String serviceUrl, String conversationId, String activityId, JsonNode activity) throws Exception {
        ((ObjectNode) activity).put("id", activityId);
        call("PUT", serviceUrl, "v3/conversations/" + encode(conversationId) + "/activities/" + encode(activityId), activity);
    }

    /** POST /v3/conversations: a new channel thread or a one-to-one chat; returns the answer (id, activityId). */
    public JsonNode createConversation(String serviceUrl, JsonNode parameters) throws Exception {
        return call("POST", serviceUrl, "v3/conversations", parameters);
    }

    private JsonNode call(String method, String serviceUrl, String path, JsonNode body) throws Exception {
        String base = serviceUrl.endsWith("/") ? serviceUrl : serviceUrl + "/";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (settings.configured()) {
            request.header("Authorization", "Bearer " + token());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status == 429) {
            throw new DeliveryDeferred(retryAfter(response), "Bot Connector: 429 Too Many Requests");
        }
        if (status == 401 || status == 403) {
            forgetToken(); // fetched anew on the next try
            throw new IOException("Bot Connector: " + status + " " + response.body());
        }
        if (status >= 500) {
            throw new IOException("Bot Connector: " + status + " " + response.body());
        }
        if (status >= 400) {
            throw new DeliveryRejected("Bot Connector: " + status + " " + response.body());
        }
        String text = response.body();
        return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
    }

    /** The next call fetches a new token: the Bot Connector refused this one, or (in tests) a new scenario starts. */
    synchronized void forgetToken() {
        token = null;
        tokenExpiresAt = Instant.EPOCH;
    }

    /** The app's token, fetched from the login endpoint and kept until a minute before it expires. */
    synchronized String token() throws Exception {
        if (token != null && clock.instant().isBefore(tokenExpiresAt)) {
            return token;
        }
        String form = "grant_type=client_credentials"
                + "&client_id=" + encode(settings.appId())
                + "&client_secret=" + encode(settings.appPassword())
                + "&scope=" + encode(SCOPE);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(settings.tokenUrl()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 429) {
            throw new DeliveryDeferred(retryAfter(response), "Teams login: 429 Too Many Requests");
        }
        if (response.statusCode() != 200) {
            throw new IOException("Teams login: " + response.statusCode() + " " + response.body());
        }
        JsonNode answer = JSON.readTree(response.body());
        if (!answer.path("access_token").isTextual()) {
            throw new IOException("Teams login: no access_token in the answer");
        }
        token = answer.path("access_token").asText();
        long expiresIn = answer.path("expires_in").asLong(3600);
        tokenExpiresAt = clock.instant().plusSeconds(Math.max(0, expiresIn - 60));
        return token;
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Duration.ofSeconds(Math.max(1, Long.parseLong(value.strip())));
            } catch (NumberFormatException notSeconds) {
                return Duration.ofSeconds(30);
            }
        }).orElse(Duration.ofSeconds(30));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
