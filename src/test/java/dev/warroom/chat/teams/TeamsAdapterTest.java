package dev.warroom.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.warroom.notify.OutboxDispatcher;
import dev.warroom.support.ScenarioTest;
import dev.warroom.support.SlackApiStandIn;
import dev.warroom.support.TeamsProfile;
import dev.warroom.support.TeamsStandIn;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

/** Warroom as a Teams bot: Bot Framework tokens checked, commands run by the core, replies through the Bot Connector. */
@QuarkusTest
@TestProfile(TeamsProfile.class)
class TeamsAdapterTest extends ScenarioTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ALICE_AAD = "8f2c1a6e-0000-4000-8000-00000000a11c";
    static final String TEAM_CHANNEL = "19:general@thread.tacv2";
    static final String GENERAL = TEAM_CHANNEL + ";messageid=1001";
    static final String INCIDENT_THREAD = TEAM_CHANNEL + ";messageid=2001";
    static final String ALICE_CHAT = "a:1alice-personal-chat";

    @Inject
    OutboxDispatcher dispatcher;

    WireMockServer microsoft;
    WireMockServer slack;

    @BeforeEach
    void slackAnswers() {
        slack = SlackApiStandIn.server();
        slack.resetAll();
        SlackApiStandIn.stubAuthTest(slack);
        slack.stubFor(post(urlEqualTo("/api/conversations.open")).willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"D0DM\"}}")));
        slack.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson("{\"ok\":true,\"ts\":\"1764061200.000100\"}")));
    }

    @BeforeEach
    void microsoftAnswers() {
        microsoft = TeamsStandIn.server();
        microsoft.resetAll();
        TeamsStandIn.stubKeys(microsoft);
        microsoft.stubFor(post(urlEqualTo("/login/" + TeamsStandIn.TENANT + "/oauth2/v2.0/token"))
                .willReturn(okJson("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"teams-app-token\"}")));
        microsoft.stubFor(post(urlEqualTo("/teams/v3/conversations")).withRequestBody(matchingJsonPath("$.isGroup", equalTo("true")))
                .willReturn(okJson("{\"id\":\"" + INCIDENT_THREAD + "\",\"activityId\":\"2001\"}")));
        microsoft.stubFor(post(urlEqualTo("/teams/v3/conversations")).withRequestBody(matchingJsonPath("$.isGroup", equalTo("false")))
                .willReturn(okJson("{\"id\":\"" + ALICE_CHAT + "\"}")));
        microsoft.stubFor(post(urlPathMatching("/teams/v3/conversations/[^/]+/activities"))
                .willReturn(okJson("{\"id\":\"activity-1\"}")));
        microsoft.stubFor(put(urlPathMatching("/teams/v3/conversations/[^/]+/activities/[^/]+"))
                .willReturn(okJson("{\"id\":\"activity-1\"}")));
    }

    @Test
    void aMentionInAChannelDeclaresAndTheReplyGoesThroughTheBotConnector() throws Exception {
        activity(TeamsStandIn.validToken(), message("<at>Warroom</at> incident declare payments-api high Checkout failing"))
                .statusCode(200);

        assertThat(incident("INC-1").getString("incident.declaredBy")).isEqualTo("alice");
        // Single-tenant: the token comes from the bot's own tenant, with the client credentials.
        List<LoggedRequest> logins = requests("/login/");
        assertThat(logins).hasSize(1);
        assertThat(logins.get(0).getBodyAsString()).contains("grant_type=client_credentials",
                "client_id=" + TeamsStandIn.APP_ID, "client_secret=" + TeamsStandIn.APP_PASSWORD,
                "scope=https%3A%2F%2Fapi.botframework.com%2F.default");

        List<LoggedRequest> toGeneral = requests("/teams/v3/conversations/" + TeamsConnector.encode(GENERAL) + "/activities");
        assertThat(toGeneral).isNotEmpty();
        JsonNode reply = JSON.readTree(toGeneral.get(0).getBodyAsString());
        assertThat(reply.get("type").asText()).isEqualTo("message");
        assertThat(reply.get("text").asText()).isEqualTo("INC-1 declared: payments-api high — Checkout failing. "
                + "Incident manager: Alice Smith. Channel: #inc-1-checkout-failing");
        assertThat(toGeneral.get(0).getHeader("Authorization")).isEqualTo("Bearer teams-app-token");

        // The incident gets its own thread in the team channel, with the summary card.
        LoggedRequest thread = requests("/teams/v3/conversations").stream()
                .filter(r -> r.getUrl().equals("/teams/v3/conversations") && r.getBodyAsString().contains("\"isGroup\":true"))
                .findFirst().orElseThrow();
        JsonNode threadParameters = JSON.readTree(thread.getBodyAsString());
        assertThat(threadParameters.at("/channelData/channel/id").asText()).isEqualTo(TEAM_CHANNEL);
        assertThat(threadParameters.get("tenantId").asText()).isEqualTo("tenant-of-the-team");
        List<LoggedRequest> inThread = requests("/teams/v3/conversations/" + TeamsConnector.encode(INCIDENT_THREAD) + "/activities");
        assertThat(inThread).isNotEmpty();
        JsonNode card = JSON.readTree(inThread.get(0).getBodyAsString()).at("/attachments/0");
        assertThat(card.get("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(card.at("/content/version").asText()).isEqualTo("1.4");
        assertThat(card.at("/content/body/0/text").asText()).isEqualTo("**INC-1 · payments-api · HIGH — Checkout failing**");
        assertThat(card.at("/content/actions").findValuesAsText("command"))
                .containsExactly("ack INC-1", "phase INC-1 analysis", "status INC-1");

        // Alice, the manager, is told in a one-to-one chat reached by her AAD object id.
        LoggedRequest chat = requests("/teams/v3/conversations").stream()
                .filter(r -> r.getUrl().equals("/teams/v3/conversations") && r.getBodyAsString().contains("\"isGroup\":false"))
                .findFirst().orElseThrow();
        assertThat(JSON.readTree(chat.getBodyAsString()).at("/members/0/id").asText()).isEqualTo(ALICE_AAD);
        JsonNode dm = JSON.readTree(requests("/teams/v3/conversations/" + TeamsConnector.encode(ALICE_CHAT) + "/activities")
                .get(0).getBodyAsString());
        assertThat(dm.at("/attachments/0/content/body/0/text").asText())
                .startsWith("You are incident manager of INC-1 (payments-api high)");
        assertThat(dm.at("/attachments/0/content/actions").findValuesAsText("command")).contains("ack INC-1");

        // People with only a Slack id are told on Slack: Slack's OkHttp 4 client and the Teams side in one run.
        assertThat(slack.getAllServeEvents().stream().map(e -> e.getRequest().getBodyAsString())
                .filter(b -> b.contains("users=U01BOB")).count()).isEqualTo(1);
    }

    @Test
    void aCardSubmitActsAsTheCommandAndTheCardIsUpdatedInPlace() throws Exception {
        activity(TeamsStandIn.validToken(), message("<at>Warroom</at> declare payments-api high Checkout failing"));
        microsoft.resetRequests();

        // Permissions apply to card buttons: someone outside the plans cannot acknowledge for the manager.
        ObjectNode stranger = message(null);
        stranger.put("id", "submit-0");
        stranger.putObject("value").put("command", "ack INC-1");
        stranger.with("from").put("id", "29:1eve").put("aadObjectId", "00000000-0000-4000-8000-000000000bad");
        activity(TeamsStandIn.validToken(), stranger).statusCode(200);
        assertThat(incident("INC-1").getString("incident.acknowledgedAt")).isNull();

        ObjectNode submit = message(null);
        submit.put("id", "submit-1");
        submit.putObject("value").put("command", "ack INC-1");
        submit.with("conversation").put("id", INCIDENT_THREAD);
        activity(TeamsStandIn.validToken(), submit).statusCode(200);

        assertThat(incident("INC-1").getString("incident.acknowledgedAt")).isNotNull();
        assertThat(requests("/teams/v3/conversations/").stream().anyMatch(r -> r.getMethod().getName().equals("PUT")
                && r.getUrl().startsWith("/teams/v3/conversations/" + TeamsConnector.encode(INCIDENT_THREAD) + "/activities/")))
                .isTrue();
    }

    @Test
    void aBareCommandInAPersonalChatIsAnsweredThere() {
        ObjectNode personal = message("help");
        personal.with("conversation").put("conversationType", "personal").put("id", "a:1stranger-chat");
        personal.remove("channelData");
        personal.with("from").put("aadObjectId", "00000000-0000-4000-8000-000000000bad").put("name", "Eve Stranger");
        activity(TeamsStandIn.validToken(), personal).statusCode(200);

        assertThat(requests("/teams/v3/conversations/" + TeamsConnector.encode("a:1stranger-chat") + "/activities")).hasSize(1);
        assertThat(TeamsInbound.commandText(message("<at>Warroom</at>&nbsp;incident ack INC-1"))).isEqualTo("ack INC-1");
    }

    @Test
    void badTokensAreRefusedAndNothingIsStored() {
        String badSignature = TeamsStandIn.sign(TeamsStandIn.validClaims(), TeamsStandIn.STRANGER_KEY);
        String unknownKey = TeamsStandIn.sign(TeamsStandIn.validClaims().withKeyId("no-such-key"), TeamsStandIn.STRANGER_KEY);
        String expired = TeamsStandIn.sign(TeamsStandIn.validClaims()
                .withIssuedAt(new Date(System.currentTimeMillis() - 7_200_000))
                .withNotBefore(new Date(System.currentTimeMillis() - 7_200_000))
                .withExpiresAt(new Date(System.currentTimeMillis() - 3_600_000)), TeamsStandIn.KEY);
        String wrongAudience = TeamsStandIn.sign(TeamsStandIn.validClaims().withAudience("someone-elses-bot"), TeamsStandIn.KEY);
        String wrongIssuer = TeamsStandIn.sign(TeamsStandIn.validClaims().withIssuer("https://issuer.example.com"), TeamsStandIn.KEY);
        String wrongServiceUrl = TeamsStandIn.sign(TeamsStandIn.validClaims()
                .withClaim("serviceurl", "https://smba.example.com/elsewhere/"), TeamsStandIn.KEY);
        String notEndorsedForTeams = TeamsStandIn.sign(TeamsStandIn.validClaims().withKeyId(TeamsStandIn.WEBCHAT_KEY_ID),
                TeamsStandIn.WEBCHAT_KEY);

        for (String token : List.of(badSignature, unknownKey, expired, wrongAudience, wrongIssuer, wrongServiceUrl,
                notEndorsedForTeams, "not-a-jwt")) {
            activity(token, message("<at>Warroom</at> declare payments-api high Checkout failing"))
                    .statusCode(401).body("error", startsWith("invalid token"));
        }
        given().contentType("application/json").body(message("declare payments-api high Checkout failing").toString())
                .post("/api/messages").then().statusCode(401).body("error", startsWith("missing"));
        given().header("Authorization", "Basic dXNlcjpwYXNz").contentType("application/json")
                .body(message("declare payments-api high Checkout failing").toString())
                .post("/api/messages").then().statusCode(401);

        given().get("/api/incidents").then().statusCode(200).body("size()", org.hamcrest.Matchers.is(0));
        long stored = QuarkusTransaction.requiringNew().call(() -> TeamsConversation.count());
        assertThat(stored).isZero();
        assertThat(requests("/teams/")).isEmpty();
    }

    @Test
    void malformedActivitiesAre400WithTheReason() {
        given().header("Authorization", "Bearer " + TeamsStandIn.validToken()).contentType("application/json")
                .body("{\"type\": \"message\", ").post("/api/messages")
                .then().statusCode(400).body("error", startsWith("malformed activity JSON"));
        given().header("Authorization", "Bearer " + TeamsStandIn.validToken()).contentType("application/json")
                .body("[1, 2]").post("/api/messages")
                .then().statusCode(400).body("error", startsWith("malformed activity"));
        given().get("/api/incidents").then().statusCode(200).body("size()", org.hamcrest.Matchers.is(0));
    }

    @Test
    void aRateLimitedReplyWaitsForRetryAfter() throws Exception {
        microsoft.stubFor(post(urlMatching("/teams/v3/conversations/[^/]+/activities")).atPriority(1)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));
        ObjectNode help = message("<at>Warroom</at> help");
        activity(TeamsStandIn.validToken(), help).statusCode(200);
        assertThat(requests("/activities")).hasSize(1);

        microsoft.resetAll();
        microsoftAnswers();
        clock.advance(Duration.ofSeconds(6));
        dispatcher.deliverPending();
        assertThat(requests("/activities")).isEmpty(); // not yet: Retry-After is 7 seconds
        clock.advance(Duration.ofSeconds(1));
        dispatcher.deliverPending();
        assertThat(requests("/activities")).hasSize(1);
    }

    private ValidatableResponse activity(String token, JsonNode activity) {
        return given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(activity.toString()).post("/api/messages").then();
    }

    /** A message activity from Alice in the team's General channel, as Teams sends it. */
    private static ObjectNode message(String text) {
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
                .put("isGroup", true).put("tenantId", "tenant-of-the-team");
        ObjectNode channelData = activity.putObject("channelData");
        channelData.putObject("channel").put("id", TEAM_CHANNEL);
        channelData.putObject("team").put("id", TEAM_CHANNEL);
        channelData.putObject("tenant").put("id", "tenant-of-the-team");
        return activity;
    }

    private List<LoggedRequest> requests(String urlPrefix) {
        return microsoft.getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getUrl().startsWith(urlPrefix) || (urlPrefix.startsWith("/activities") && r.getUrl().endsWith(urlPrefix)))
                .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
    }
}
