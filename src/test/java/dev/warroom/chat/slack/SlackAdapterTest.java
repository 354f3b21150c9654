package dev.warroom.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.warroom.notify.OutboxDispatcher;
import dev.warroom.support.ScenarioTest;
import dev.warroom.support.SlackApiStandIn;
import dev.warroom.support.SlackChat;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.warroom.support.MetricsText.sample;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Warroom as a Slack app: signed requests in, the exact Web API calls out, through the outbox. */
@QuarkusTest
class SlackAdapterTest extends ScenarioTest {

    static final String GENERAL = SlackChat.GENERAL;
    static final String INCIDENT_CHANNEL = SlackChat.INCIDENT_CHANNEL;
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    OutboxDispatcher dispatcher;

    SlackChat chat;
    WireMockServer slack;

    @BeforeEach
    void slackAnswers() {
        chat = new SlackChat(clock).answeringAsUsual();
        slack = chat.server();
    }

    @Test
    void aSlashCommandDeclaresAndWarroomOpensTheChannelThenTellsPeople() throws Exception {
        chat.slash("U01ALICE", "declare payments-api high Checkout failing", "trigger-1").statusCode(200);

        assertThat(chat.calls()).containsExactly(
                "chat.postMessage", "conversations.create", "conversations.invite", "conversations.setTopic",
                "chat.postMessage", "pins.add", "chat.postMessage",
                "conversations.open", "chat.postMessage", // the manager, alice
                "conversations.open", "chat.postMessage", // bob, technical-expert
                "conversations.open", "chat.postMessage", // carol
                "conversations.open", "chat.postMessage"); // frank
        List<Map<String, String>> sent = chat.sent();
        assertThat(sent.get(0)).containsEntry("channel", GENERAL)
                .containsEntry("text", "INC-1 declared: payments-api high — Checkout failing. Incident manager: Alice Smith. "
                        + "Channel: #inc-1-checkout-failing");
        assertThat(sent.get(1)).containsEntry("name", "inc-1-checkout-failing").containsEntry("is_private", "0");
        assertThat(sent.get(2)).containsEntry("channel", INCIDENT_CHANNEL).containsEntry("users", "U01ALICE,U01BOB,U01CAROL,U01FRANK");
        assertThat(sent.get(3)).containsEntry("channel", INCIDENT_CHANNEL).containsEntry("topic",
                "INC-1 · payments-api · HIGH — Checkout failing · Manager: Alice Smith · Plan: https://wiki.example.com/plans/payments-api");
        JsonNode card = JSON.readTree(sent.get(4).get("blocks"));
        assertThat(sent.get(4)).containsEntry("channel", INCIDENT_CHANNEL)
                .containsEntry("text", "*INC-1 · payments-api · HIGH — Checkout failing*");
        assertThat(card.get(0).get("text").get("text").asText()).isEqualTo("*INC-1 · payments-api · HIGH — Checkout failing*");
        assertThat(card.findValuesAsText("value")).containsExactly("ack INC-1", "phase INC-1 analysis", "status INC-1");
        assertThat(sent.get(5)).containsEntry("channel", INCIDENT_CHANNEL).containsEntry("timestamp", "1764061200.000100");
        assertThat(JSON.readTree(sent.get(6).get("blocks")).findValuesAsText("value"))
                .containsExactly("done INC-1 1", "skip INC-1 1", "done INC-1 2", "skip INC-1 2");
        assertThat(sent.get(7)).containsEntry("users", "U01ALICE");
        assertThat(sent.get(8)).containsEntry("channel", "D0DM").containsEntry("text",
                "You are incident manager of INC-1 (payments-api high): Checkout failing. Acknowledge within 5m: `ack INC-1`. "
                        + "Channel: #inc-1-checkout-failing");
        assertThat(sent.subList(9, 15).stream().map(m -> m.get("users")).filter(u -> u != null).toList())
                .containsExactly("U01BOB", "U01CAROL", "U01FRANK");
        // People without a Slack id are told in the local chat.
        assertThat(given().queryParam("channel", "@dave").get("/api/local/messages").jsonPath().getList("text"))
                .hasSize(1);
        assertThat(incident("INC-1").getString("incident.declaredBy")).isEqualTo("alice");
    }

    @Test
    void aButtonPressActsAsTheCommandAndTheChecklistIsUpdatedInPlace() throws Exception {
        chat.slash("U01ALICE", "declare payments-api high Checkout failing", "trigger-1");
        slack.resetRequests();

        chat.signed(SlackRequests.blockActionBody("U01BOB", INCIDENT_CHANNEL, "done INC-1 1", "trigger-2"), SlackRequests.FORM)
                .statusCode(200);

        assertThat(incident("INC-1").getList("steps.status", String.class)).containsExactly("done", "open");
        assertThat(chat.calls()).containsExactly("chat.postMessage", "chat.update", "chat.update");
        assertThat(chat.sent().get(0)).containsEntry("channel", INCIDENT_CHANNEL).containsEntry("text",
                "☑ Step 1 done by Bob Jones: Assess customer impact and set the severity. 1 mitigation step open.");
        assertThat(chat.sent().get(2)).containsEntry("channel", INCIDENT_CHANNEL).containsEntry("ts", "1764061200.000100");
        assertThat(JSON.readTree(chat.sent().get(2).get("blocks")).findValuesAsText("value"))
                .containsExactly("done INC-1 2", "skip INC-1 2");
    }

    @Test
    void aRetriedDeclareCreatesOneIncident() {
        String body = SlackRequests.slashCommandBody("U01ALICE", "alice", GENERAL, "declare payments-api high Checkout failing", "trigger-9");
        chat.signed(body, SlackRequests.FORM).statusCode(200);
        given().headers(SlackRequests.signedHeaders(body, chat.now(), SlackApiStandIn.SIGNING_SECRET))
                .header("X-Slack-Retry-Num", "1").header("X-Slack-Retry-Reason", "http_timeout")
                .contentType(SlackRequests.FORM).body(body).post("/slack/events")
                .then().statusCode(200);

        assertThat(given().get("/api/incidents").jsonPath().getList("key")).containsExactly("INC-1");
        assertThat(chat.calls().stream().filter("conversations.create"::equals)).hasSize(1);
    }

    @Test
    void forgedStaleOrUnsignedRequestsAre401AndChangeNothing() {
        String body = SlackRequests.slashCommandBody("U01ALICE", "alice", GENERAL, "declare payments-api high Forged", "t");

        given().headers(SlackRequests.signedHeaders(body, chat.now(), "not-the-secret")).contentType(SlackRequests.FORM)
                .body(body).post("/slack/events").then().statusCode(401).body("error", equalTo("signature does not match"));
        given().headers(SlackRequests.signedHeaders(body, chat.now() - 301, SlackApiStandIn.SIGNING_SECRET))
                .contentType(SlackRequests.FORM).body(body).post("/slack/events")
                .then().statusCode(401).body("error", equalTo("request timestamp is more than 5 minutes from now"));
        given().headers(SlackRequests.signedHeaders(body, chat.now() + 301, SlackApiStandIn.SIGNING_SECRET))
                .contentType(SlackRequests.FORM).body(body).post("/slack/events").then().statusCode(401);
        given().contentType(SlackRequests.FORM).body(body).post("/slack/events").then().statusCode(401)
                .body("error", equalTo("missing X-Slack-Request-Timestamp or X-Slack-Signature"));
        Map<String, String> signed = SlackRequests.signedHeaders(body, chat.now(), SlackApiStandIn.SIGNING_SECRET);
        given().headers(signed).contentType(SlackRequests.FORM).body(body + "&text=tampered").post("/slack/events")
                .then().statusCode(401);

        assertThat(given().get("/api/incidents").jsonPath().getList("$")).isEmpty();
        assertThat(chat.calls()).isEmpty();
    }

    @Test
    void malformedPayloadsAre400WithAReason() {
        chat.signed("payload=%7Bnot-json", SlackRequests.FORM).statusCode(400);
        chat.signed("{\"type\": \"event_callback\", \"event\": ", SlackRequests.JSON).statusCode(400);
        chat.signed("", SlackRequests.FORM).statusCode(400);
        // Found by SlackInputFuzzTest: acknowledged, then the reply had no channel to go to and failed in the database.
        chat.signed(SlackRequests.slashCommandBody("U01ALICE", "alice", "", "status", "t-no-channel"), SlackRequests.FORM)
                .statusCode(400).body("error", equalTo(
                        "malformed Slack payload: a slash command needs channel_id, user_id and trigger_id"));
        chat.signed(SlackRequests.slashCommandBody("", "alice", GENERAL, "declare payments-api high x", "t-no-user"),
                SlackRequests.FORM).statusCode(400);
        // Found by SlackInputFuzzTest: ids too long for the request id and outbox columns were acknowledged, then failed.
        chat.signed(SlackRequests.slashCommandBody("U01ALICE", "alice", GENERAL, "declare payments-api high x",
                "t".repeat(101)), SlackRequests.FORM).statusCode(400).body("error", equalTo(
                        "malformed Slack payload: trigger_id is longer than 100 characters"));
        chat.signed(SlackRequests.slashCommandBody("U01ALICE", "alice", "C".repeat(51), "declare payments-api high x",
                "t-long-channel"), SlackRequests.FORM).statusCode(400).body("error", equalTo(
                        "malformed Slack payload: channel_id is longer than 50 characters"));
        chat.signed(SlackRequests.eventBody("Ev0LONG", SlackRequests.appMentionEventJson("U01ALICE", "C".repeat(51),
                "declare payments-api high x", "1764000000.000300")), SlackRequests.JSON).statusCode(400)
                .body("error", equalTo("malformed Slack payload: channel is longer than 50 characters"));

        assertThat(given().get("/api/incidents").jsonPath().getList("$")).isEmpty();
        assertThat(chat.calls()).isEmpty();
    }

    @Test
    void withSlackDownRequestsAreStillTakenAndTheWorkWaitsInTheOutbox() {
        slack.stubFor(post(urlMatching("/api/.*")).atPriority(1).willReturn(aResponse().withStatus(503)));

        given().headers(SlackRequests.signedHeaders("x", chat.now(), "forged")).body("x").post("/slack/events").then().statusCode(401);
        chat.slash("U01ALICE", "declare payments-api high Checkout failing", "trigger-1").statusCode(200);

        assertThat(incident("INC-1").getString("incident.manager")).isEqualTo("alice");
        slack.resetAll();
        slackAnswers();
        clock.advance(Duration.ofMinutes(1));
        dispatcher.deliverPending();
        // The reply was tried while Slack was down: it may have been posted all the same, so its retry looks first.
        assertThat(chat.calls()).startsWith("conversations.history", "chat.postMessage", "conversations.create",
                "conversations.invite", "conversations.setTopic", "chat.postMessage", "pins.add");
    }

    @Test
    void aRateLimitedMessageWaitsAsToldThenGoesOnceAndInOrder() {
        slack.stubFor(post(urlEqualTo("/api/chat.postMessage")).inScenario("rate limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("open"));
        slack.stubFor(post(urlEqualTo("/api/chat.postMessage")).inScenario("rate limit").whenScenarioStateIs("open")
                .willReturn(okJson("{\"ok\":true,\"ts\":\"1764061200.000100\"}")));

        double rateLimited = deliveries("rate_limited");
        double sent = deliveries("sent");
        double ages = sample("warroom_outbox_message_age_seconds_sum", SLACK);
        double delivered = sample("warroom_outbox_message_age_seconds_count", SLACK);
        chat.slash("U01ALICE", "help skip", "trigger-1");
        chat.slash("U01ALICE", "help done", "trigger-2");
        assertThat(chat.calls()).containsExactly("chat.postMessage"); // refused; the second waits behind it

        dispatcher.deliverPending();
        assertThat(chat.calls()).hasSize(1); // not yet: Retry-After is 1 second
        clock.advance(Duration.ofSeconds(1));
        dispatcher.deliverPending();

        // A 429 says the post was not made: its retry does not look for it first.
        assertThat(chat.calls()).containsExactly("chat.postMessage", "chat.postMessage", "chat.postMessage");
        assertThat(chat.textsTo(GENERAL)).containsExactly( // escaped for Slack
                "`skip &lt;n&gt; &lt;reason…&gt;` — Skip step n, with the reason.",
                "`skip &lt;n&gt; &lt;reason…&gt;` — Skip step n, with the reason.",
                "`done &lt;n&gt;` — Mark step n done.");
        assertThat(deliveries("rate_limited")).isEqualTo(rateLimited + 1);
        assertThat(deliveries("sent")).isEqualTo(sent + 2);
        assertThat(sample("warroom_outbox_message_age_seconds_count", SLACK)).isEqualTo(delivered + 2);
        assertThat(sample("warroom_outbox_message_age_seconds_sum", SLACK)).isEqualTo(ages + 2); // both waited 1 s
    }

    static final String SLACK = "platform=\"slack\"";

    private static double deliveries(String outcome) {
        return sample("warroom_outbox_delivery_total", "outcome=\"" + outcome + "\"," + SLACK);
    }

    @Test
    void serverErrorsAreRetriedWithBackoffUntilDelivered() {
        slack.stubFor(post(urlEqualTo("/api/chat.postMessage")).atPriority(1).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(500)).willSetStateTo("1"));
        slack.stubFor(post(urlEqualTo("/api/chat.postMessage")).atPriority(1).inScenario("flaky")
                .whenScenarioStateIs("1").willReturn(aResponse().withStatus(500)).willSetStateTo("2"));
        slack.stubFor(post(urlEqualTo("/api/chat.postMessage")).atPriority(1).inScenario("flaky")
                .whenScenarioStateIs("2").willReturn(aResponse().withStatus(500)).willSetStateTo("3"));

        double retries = deliveries("retry");
        chat.slash("U01ALICE", "help ack", "trigger-1");
        for (int attempt = 0; attempt < 3; attempt++) {
            clock.advance(Duration.ofMinutes(1));
            dispatcher.deliverPending();
        }

        // Each retry first looks for an earlier try's post: a 500 may come after Slack posted.
        assertThat(chat.calls()).containsExactly("chat.postMessage", "conversations.history", "chat.postMessage",
                "conversations.history", "chat.postMessage", "conversations.history", "chat.postMessage");
        clock.advance(Duration.ofMinutes(1));
        dispatcher.deliverPending();
        assertThat(chat.calls()).hasSize(7); // delivered once, not again
        assertThat(deliveries("retry")).isEqualTo(retries + 3);
    }

    @Test
    void theDeclareModalOpensAndItsMistakesShowInTheModal() {
        chat.slash("U01ALICE", "declare", "trigger-modal").statusCode(200);
        assertThat(chat.calls()).containsExactly("views.open");
        assertThat(chat.sent().get(0)).containsEntry("trigger_id", "trigger-modal");

        chat.signed(SlackRequests.viewSubmissionBody("U01ALICE", "payments-api", "critical", null, "Checkout failing"), SlackRequests.FORM)
                .statusCode(200)
                .body("response_action", equalTo("errors"))
                .body("errors.severity", equalTo("Choose one of low, medium, high."));
        assertThat(given().get("/api/incidents").jsonPath().getList("$")).isEmpty();

        chat.signed(SlackRequests.viewSubmissionBody("U01ALICE", "payments-api", "high", "outage", "Checkout failing"), SlackRequests.FORM)
                .statusCode(200);
        assertThat(incident("INC-1").getString("incident.type")).isEqualTo("outage");
    }

    @Test
    void repliesInTheLessonsThreadBecomeLessons() {
        slack.stubFor(post(urlEqualTo("/api/chat.postMessage")).atPriority(1).withRequestBody(matching(".*Lessons(\\+|%20)learned.*"))
                .willReturn(okJson("{\"ok\":true,\"ts\":\"1764061200.000900\"}")));
        chat.slash("U01ALICE", "declare payments-api high Checkout failing", "trigger-1");
        chat.slash("U01ALICE", "resolve Rolled back", "trigger-2", INCIDENT_CHANNEL);

        chat.signed(SlackRequests.eventBody("Ev01", SlackRequests.messageEventJson("U01BOB", INCIDENT_CHANNEL,
                "Alerting fired 10 minutes late", "1764061300.000100", "1764061200.000900")), SlackRequests.JSON).statusCode(200);
        chat.signed(SlackRequests.eventBody("Ev02", SlackRequests.messageEventJson("U01BOB", INCIDENT_CHANNEL,
                "just chatting", "1764061300.000200", "1764061200.000100")), SlackRequests.JSON).statusCode(200);

        assertThat(incident("INC-1").getList("lessons.text", String.class)).containsExactly("Alerting fired 10 minutes late");
        assertThat(incident("INC-1").getList("lessons.author", String.class)).containsExactly("bob");
    }

    @Test
    void aMessageSlackRefusesForGoodIsGivenUpAndTheTimelineSaysSo() {
        slack.stubFor(post(urlEqualTo("/api/chat.postMessage")).atPriority(1).withRequestBody(matching(".*C0GENERAL.*"))
                .willReturn(okJson("{\"ok\":false,\"error\":\"channel_not_found\"}")));
        double givenUp = deliveries("given_up");

        chat.slash("U01ALICE", "declare payments-api high Checkout failing", "trigger-1");

        assertThat(incident("INC-1").getList("timeline.findAll { it.type == 'delivery_failed' }.details", String.class))
                .containsExactly("A message to slack C0GENERAL could not be delivered after 1 attempt: "
                        + "chat.postMessage: channel_not_found");
        assertThat(chat.calls()).contains("conversations.create", "pins.add"); // the rest went on
        assertThat(deliveries("given_up")).isEqualTo(givenUp + 1);
    }

    @Test
    void theSkipButtonAsksForTheReasonInAModal() throws Exception {
        chat.slash("U01ALICE", "declare payments-api high Checkout failing", "trigger-1");
        slack.resetRequests();

        chat.signed(SlackRequests.blockActionBody("U01BOB", INCIDENT_CHANNEL, "skip INC-1 2", "trigger-skip"), SlackRequests.FORM)
                .statusCode(200);
        assertThat(chat.calls()).containsExactly("views.open");
        JsonNode view = JSON.readTree(chat.sent().get(0).get("view"));
        assertThat(view.get("callback_id").asText()).isEqualTo("warroom-skip");
        assertThat(view.get("private_metadata").asText()).isEqualTo("skip INC-1 2\n" + INCIDENT_CHANNEL);

        chat.signed(skipReasonSubmission("U01BOB", view.get("private_metadata").asText(), "  "), SlackRequests.FORM)
                .statusCode(200).body("errors.reason", equalTo("Say why the step is skipped."));
        chat.signed(skipReasonSubmission("U01BOB", view.get("private_metadata").asText(), "no recent change"), SlackRequests.FORM)
                .statusCode(200);

        assertThat(incident("INC-1").getList("steps.status", String.class)).containsExactly("open", "skipped");
        assertThat(incident("INC-1").getList("steps.reason", String.class)).containsExactly(null, "no recent change");
    }

    private static String skipReasonSubmission(String user, String metadata, String reason) {
        var payload = JSON.createObjectNode().put("type", "view_submission").put("token", "t").put("api_app_id", "A0WARROOM")
                .put("trigger_id", "trigger-submit");
        payload.putObject("team").put("id", "T0ACME").put("domain", "acme");
        payload.putObject("user").put("id", user).put("username", SlackRequests.userName(user)).put("team_id", "T0ACME");
        var view = payload.putObject("view").put("id", "V0SKIP").put("type", "modal").put("callback_id", "warroom-skip")
                .put("private_metadata", metadata).put("hash", "h-" + reason.hashCode());
        view.putObject("state").putObject("values").putObject("reason").putObject("reason_input")
                .put("type", "plain_text_input").put("value", reason);
        return "payload=" + java.net.URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
    }

    @Test
    void theNextPhaseButtonMovesTheIncidentOn() {
        chat.slash("U01ALICE", "declare payments-api high Checkout failing", "trigger-1");

        chat.signed(SlackRequests.blockActionBody("U01ALICE", INCIDENT_CHANNEL, "phase INC-1 analysis", "trigger-2"), SlackRequests.FORM)
                .statusCode(200);

        assertThat(incident("INC-1").getString("incident.phase")).isEqualTo("analysis");
    }

    @Test
    void slackChecksTheEventsAddressWithAChallenge() {
        chat.signed(SlackRequests.urlVerificationBody("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"), SlackRequests.JSON)
                .statusCode(200).body(equalTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"));
    }

    @Test
    void someoneOutsideThePlansCanDeclareButNotWorkTheIncident() {
        chat.slash("U0NEWBIE", "declare payments-api medium Refunds slow", "trigger-1").statusCode(200);
        assertThat(incident("INC-1").getString("incident.declaredBy")).isEqualTo(SlackRequests.userName("U0NEWBIE"));
        slack.resetRequests();

        chat.signed(SlackRequests.blockActionBody("U0NEWBIE", INCIDENT_CHANNEL, "done INC-1 1", "trigger-2"), SlackRequests.FORM)
                .statusCode(200);

        assertThat(incident("INC-1").getList("steps.status", String.class)).containsOnly("open");
        assertThat(chat.sent().get(0)).containsEntry("channel", INCIDENT_CHANNEL).containsEntry("text",
                "Only the incident manager (Alice Smith) or someone holding a role in INC-1 may `done`.");
    }
}
