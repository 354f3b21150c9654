package dev.warroom.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.restassured.response.ValidatableResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;

/**
 * Talks to Warroom as Teams does (activities with a Bot Framework token to /api/messages) and reads what
 * Warroom sent to {@link TeamsStandIn}'s login endpoint and Bot Connector, which answer as a healthy
 * tenant unless a test says otherwise.
 */
public final class TeamsChat {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String ALICE_AAD = "8f2c1a6e-0000-4000-8000-00000000a11c";
    public static final String TENANT_OF_THE_TEAM = "tenant-of-the-team";
    public static final String TEAM_CHANNEL = "19:general@thread.tacv2";
    /** A reply chain in the team channel where Alice mentions Warroom. */
    public static final String GENERAL = TEAM_CHANNEL + ";messageid=1001";
    /** The thread the Bot Connector stand-in starts for an incident. */
    public static final String INCIDENT_THREAD = TEAM_CHANNEL + ";messageid=2001";
    public static final String ALICE_CHAT = "a:1alice-personal-chat";
    public static final String SINGLE_TENANT_LOGIN = "/login/" + TeamsStandIn.TENANT + "/oauth2/v2.0/token";
    public static final String MULTI_TENANT_LOGIN = "/login/botframework.com/oauth2/v2.0/token";

    private final WireMockServer microsoft = TeamsStandIn.server();

    /** Forgets earlier requests; logins, new conversations, posts and updates all succeed. */
    public TeamsChat answeringAsUsual() {
        microsoft.resetAll();
        TeamsStandIn.stubKeys(microsoft);
        for (String login : List.of(SINGLE_TENANT_LOGIN, MULTI_TENANT_LOGIN)) {
            microsoft.stubFor(post(urlEqualTo(login)).willReturn(
                    okJson("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"teams-app-token\"}")));
        }
        microsoft.stubFor(post(urlEqualTo("/teams/v3/conversations")).withRequestBody(matchingJsonPath("$.isGroup", equalTo("true")))
                .willReturn(okJson("{\"id\":\"" + INCIDENT_THREAD + "\",\"activityId\":\"2001\"}")));
        microsoft.stubFor(post(urlEqualTo("/teams/v3/conversations")).withRequestBody(matchingJsonPath("$.isGroup", equalTo("false")))
                .willReturn(okJson("{\"id\":\"" + ALICE_CHAT + "\"}")));
        microsoft.stubFor(post(urlPathMatching("/teams/v3/conversations/[^/]+/activities"))
                .willReturn(okJson("{\"id\":\"activity-1\"}")));
        microsoft.stubFor(put(urlPathMatching("/teams/v3/conversations/[^/]+/activities/[^/]+"))
                .willReturn(okJson("{\"id\":\"activity-1\"}")));
        return this;
    }

    public WireMockServer server() {
        return microsoft;
    }

    /** An activity with a valid token; the work behind it is done when this returns. */
    public ValidatableResponse send(JsonNode activity) {
        return send(TeamsStandIn.validToken(), activity);
    }

    public ValidatableResponse send(String token, JsonNode activity) {
        return given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(activity.toString()).post("/api/messages").then();
    }

    /** A message activity from Alice in the team's General channel, as Teams sends it. */
    public static ObjectNode message(String text) {
        ObjectNode activity = JSON.createObjectNode();
        activity.put("type", "message");
        activity.put("id", "1001-" + System.nanoTime());
        activity.put("channelId", "msteams");
        activity.put("serviceUrl", TeamsStandIn.serviceUrl());
        if (text != null) {
            activity.put("text", text);
        }
        activity.putObject("from").put("id", "29:1alice").put("name", "Alice Smith").put("aadObjectId", ALICE_AAD);
        activity.putObject("recipient").put("id", "28:" + TeamsStandIn.APP_ID).put("name", "Warroom");
        activity.putObject("conversation").put("id", GENERAL).put("conversationType", "channel")
                .put("isGroup", true).put("tenantId", TENANT_OF_THE_TEAM);
        ObjectNode channelData = activity.putObject("channelData");
        channelData.putObject("channel").put("id", TEAM_CHANNEL);
        channelData.putObject("team").put("id", TEAM_CHANNEL);
        channelData.putObject("tenant").put("id", TENANT_OF_THE_TEAM);
        return activity;
    }

    /** The same message, written in another conversation (a reply chain, a personal chat). */
    public static ObjectNode in(String conversationId, ObjectNode activity) {
        activity.with("conversation").put("id", conversationId);
        return activity;
    }

    /** The same message, written by someone else. */
    public static ObjectNode from(String userId, String aadObjectId, String name, ObjectNode activity) {
        activity.with("from").put("id", userId).put("aadObjectId", aadObjectId).put("name", name);
        return activity;
    }

    /** An Adaptive Card's Action.Submit from Alice, as Teams sends it (no text, the card's data as value). */
    public static ObjectNode cardSubmit(String conversationId, String command) {
        ObjectNode submit = in(conversationId, message(null));
        submit.putObject("value").put("command", command);
        return submit;
    }

    /** Requests to Microsoft whose URL starts with the prefix, oldest first. */
    public List<LoggedRequest> requests(String urlPrefix) {
        return microsoft.getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getUrl().startsWith(urlPrefix))
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
    }

    /** The URL of a conversation's activities at the Bot Connector stand-in. */
    public static String activitiesOf(String conversationId) {
        return "/teams/v3/conversations/" + encode(conversationId) + "/activities";
    }

    /** The activities Warroom posted (POST) to a conversation, oldest first. */
    public List<JsonNode> postedTo(String conversationId) {
        return requests(activitiesOf(conversationId)).stream()
                .filter(r -> r.getMethod().getName().equals("POST") && r.getUrl().equals(activitiesOf(conversationId)))
                .map(TeamsChat::body).toList();
    }

    /** The activities Warroom replaced in place (PUT) in a conversation, oldest first. */
    public List<LoggedRequest> updatesIn(String conversationId) {
        return requests(activitiesOf(conversationId) + "/").stream()
                .filter(r -> r.getMethod().getName().equals("PUT")).toList();
    }

    /** What a posted activity says: its text, or its card's first text block. */
    public static String says(JsonNode activity) {
        return activity.has("text") ? activity.get("text").asText()
                : activity.at("/attachments/0/content/body/0/text").asText();
    }

    public static JsonNode body(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + request.getBodyAsString(), e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
