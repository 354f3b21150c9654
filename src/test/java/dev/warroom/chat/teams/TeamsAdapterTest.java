package dev.warroom.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.warroom.notify.OutboxDispatcher;
import dev.warroom.support.ScenarioTest;
import dev.warroom.support.SlackChat;
import dev.warroom.support.TeamsChat;
import dev.warroom.support.TeamsProfile;
import dev.warroom.support.TeamsStandIn;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static dev.warroom.support.TeamsChat.ALICE_AAD;
import static dev.warroom.support.TeamsChat.ALICE_CHAT;
import static dev.warroom.support.TeamsChat.GENERAL;
import static dev.warroom.support.TeamsChat.INCIDENT_THREAD;
import static dev.warroom.support.TeamsChat.TEAM_CHANNEL;
import static dev.warroom.support.TeamsChat.activitiesOf;
import static dev.warroom.support.TeamsChat.body;
import static dev.warroom.support.TeamsChat.cardSubmit;
import static dev.warroom.support.TeamsChat.from;
import static dev.warroom.support.TeamsChat.in;
import static dev.warroom.support.TeamsChat.message;
import static dev.warroom.support.TeamsChat.says;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Warroom as a Teams bot: Bot Framework tokens checked, commands run by the core, replies through the Bot Connector. */
@QuarkusTest
@TestProfile(TeamsProfile.class)
class TeamsAdapterTest extends ScenarioTest {

    static final String EVE_AAD = "00000000-0000-4000-8000-000000000bad";

    @Inject
    OutboxDispatcher dispatcher;
    @Inject
    TeamsConnector connector;
    @Inject
    TeamsInbound inbound;

    TeamsChat teams;
    WireMockServer microsoft;
    SlackChat slack;

    @BeforeEach
    void platformsAnswer() {
        slack = new SlackChat(clock).answeringAsUsual();
        teams = new TeamsChat().answeringAsUsual();
        microsoft = teams.server();
        connector.forgetToken();
    }

    @Test
    void aMentionInAChannelDeclaresAndTheReplyGoesThroughTheBotConnector() throws Exception {
        teams.send(message("<at>Warroom</at> incident declare payments-api high Checkout failing")).statusCode(200);

        assertThat(incident("INC-1").getString("incident.declaredBy")).isEqualTo("alice");
        // Single-tenant: the token comes from the bot's own tenant, with the client credentials.
        List<LoggedRequest> logins = teams.requests("/login/");
        assertThat(logins).hasSize(1);
        assertThat(logins.get(0).getUrl()).isEqualTo(TeamsChat.SINGLE_TENANT_LOGIN);

        List<LoggedRequest> toGeneral = teams.requests(activitiesOf(GENERAL));
        assertThat(toGeneral).hasSize(1);
        JsonNode reply = body(toGeneral.get(0));
        assertThat(reply.get("type").asText()).isEqualTo("message");
        assertThat(reply.get("text").asText()).isEqualTo("INC-1 declared: payments-api high — Checkout failing. "
                + "Incident manager: Alice Smith. Channel: #inc-1-checkout-failing");
        assertThat(toGeneral.get(0).getHeader("Authorization")).isEqualTo("Bearer teams-app-token");

        // The incident gets its own thread in the team channel, with the summary card.
        LoggedRequest thread = teams.requests("/teams/v3/conversations").stream()
                .filter(r -> r.getUrl().equals("/teams/v3/conversations") && r.getBodyAsString().contains("\"isGroup\":true"))
                .findFirst().orElseThrow();
        JsonNode threadParameters = body(thread);
        assertThat(threadParameters.at("/channelData/channel/id").asText()).isEqualTo(TEAM_CHANNEL);
        assertThat(threadParameters.get("tenantId").asText()).isEqualTo(TeamsChat.TENANT_OF_THE_TEAM);
        assertThat(threadParameters.at("/activity/text").asText()).isEqualTo("INC-1 · payments-api · HIGH — Checkout failing"
                + " · Manager: Alice Smith · Plan: https://wiki.example.com/plans/payments-api");
        List<JsonNode> inThread = teams.postedTo(INCIDENT_THREAD);
        assertThat(inThread).extracting(TeamsChat::says).containsExactly(
                "**INC-1 · payments-api · HIGH — Checkout failing**",
                "**Mitigation steps** — INC-1\n1. ☐ Assess customer impact and set the severity\n"
                        + "2. ☐ Identify the most recent change and consider rolling it back");
        JsonNode card = inThread.get(0).at("/attachments/0");
        assertThat(card.get("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(card.at("/content/version").asText()).isEqualTo("1.4");
        assertThat(card.at("/content/actions").findValuesAsText("command"))
                .containsExactly("ack INC-1", "phase INC-1 analysis", "status INC-1");

        // Alice, the manager, is told in a one-to-one chat reached by her AAD object id.
        LoggedRequest chat = teams.requests("/teams/v3/conversations").stream()
                .filter(r -> r.getUrl().equals("/teams/v3/conversations") && r.getBodyAsString().contains("\"isGroup\":false"))
                .findFirst().orElseThrow();
        JsonNode chatParameters = body(chat);
        assertThat(chatParameters.at("/members/0/id").asText()).isEqualTo(ALICE_AAD);
        assertThat(chatParameters.at("/bot/id").asText()).isEqualTo("28:" + TeamsStandIn.APP_ID);
        assertThat(chatParameters.get("tenantId").asText()).isEqualTo(TeamsStandIn.TENANT);
        JsonNode dm = teams.postedTo(ALICE_CHAT).get(0);
        assertThat(says(dm)).isEqualTo("You are incident manager of INC-1 (payments-api high): Checkout failing. "
                + "Acknowledge within 5m: `ack INC-1`. Channel: #inc-1-checkout-failing");
        assertThat(dm.at("/attachments/0/content/actions").findValuesAsText("command")).contains("ack INC-1");

        // People with only a Slack id are told on Slack: Slack's OkHttp 4 client and the Teams side in one run.
        assertThat(slack.sent().stream().filter(m -> "U01BOB".equals(m.get("users")))).hasSize(1);
    }

    @Test
    void aCardSubmitActsAsTheCommandAndThePermissionsApply() {
        teams.send(message("<at>Warroom</at> declare payments-api high Checkout failing"));
        microsoft.resetRequests();

        // Someone outside the plans cannot acknowledge for the manager.
        teams.send(from("29:1eve", EVE_AAD, "Eve Stranger", cardSubmit(GENERAL, "ack INC-1"))).statusCode(200);
        assertThat(incident("INC-1").getString("incident.acknowledgedAt")).isNull();
        assertThat(teams.postedTo(GENERAL)).extracting(TeamsChat::says)
                .containsExactly("Only the incident manager (Alice Smith) may `ack` INC-1.");

        teams.send(cardSubmit(INCIDENT_THREAD, "ack INC-1")).statusCode(200);

        assertThat(incident("INC-1").getString("incident.acknowledgedAt")).isEqualTo("2026-11-25T09:00:00Z");
        assertThat(timelineTypes("INC-1")).contains("acknowledged");
    }

    @Test
    void cardsAreUpdatedInPlaceWhenStepsOrThePhaseChange() {
        microsoft.stubFor(post(urlEqualTo(activitiesOf(INCIDENT_THREAD))).atPriority(1)
                .withRequestBody(containing("Next phase")).willReturn(okJson("{\"id\":\"summary-2002\"}")));
        microsoft.stubFor(post(urlEqualTo(activitiesOf(INCIDENT_THREAD))).atPriority(1)
                .withRequestBody(containing("Mitigation steps")).willReturn(okJson("{\"id\":\"checklist-2003\"}")));
        teams.send(message("<at>Warroom</at> declare payments-api high Checkout failing"));
        microsoft.resetRequests();

        teams.send(cardSubmit(INCIDENT_THREAD, "done INC-1 1")).statusCode(200);

        assertThat(teams.postedTo(INCIDENT_THREAD)).extracting(TeamsChat::says).containsExactly(
                "☑ Step 1 done by Alice Smith: Assess customer impact and set the severity. 1 mitigation step open.");
        List<LoggedRequest> updates = teams.updatesIn(INCIDENT_THREAD);
        assertThat(updates).extracting(LoggedRequest::getUrl).containsExactly(
                activitiesOf(INCIDENT_THREAD) + "/summary-2002", activitiesOf(INCIDENT_THREAD) + "/checklist-2003");
        JsonNode summary = body(updates.get(0));
        assertThat(summary.get("id").asText()).isEqualTo("summary-2002");
        assertThat(fact(summary, "Steps")).isEqualTo("1 of 2 done");
        JsonNode checklist = body(updates.get(1));
        assertThat(checklist.get("id").asText()).isEqualTo("checklist-2003");
        assertThat(says(checklist)).isEqualTo("**Mitigation steps** — INC-1\n"
                + "1. ☑ Assess customer impact and set the severity — done by Alice Smith\n"
                + "2. ☐ Identify the most recent change and consider rolling it back");
        assertThat(checklist.at("/attachments/0/content/actions").findValuesAsText("command"))
                .containsExactly("done INC-1 2", "skip INC-1 2");
        microsoft.resetRequests();

        clock.advance(Duration.ofMinutes(10));
        teams.send(cardSubmit(INCIDENT_THREAD, "phase INC-1 analysis")).statusCode(200);

        JsonNode moved = body(teams.updatesIn(INCIDENT_THREAD).get(0));
        assertThat(teams.updatesIn(INCIDENT_THREAD).get(0).getUrl()).endsWith("/summary-2002");
        assertThat(fact(moved, "Phase")).isEqualTo("analysis since 09:10 UTC");
        assertThat(moved.at("/attachments/0/content/actions").findValuesAsText("command"))
                .containsExactly("ack INC-1", "phase INC-1 containment", "status INC-1");
    }

    @Test
    void aSkipButtonAsksForTheReasonAndSkipsWithIt() {
        teams.send(message("<at>Warroom</at> declare payments-api high Checkout failing"));
        JsonNode checklist = teams.postedTo(INCIDENT_THREAD).get(1).at("/attachments/0/content/actions");
        JsonNode skip = checklist.get(3);
        assertThat(skip.get("type").asText()).isEqualTo("Action.ShowCard");
        assertThat(skip.get("title").asText()).isEqualTo("Skip 2");
        assertThat(skip.at("/card/body/0/type").asText()).isEqualTo("Input.Text");
        assertThat(skip.at("/card/body/0/id").asText()).isEqualTo("reason");
        assertThat(skip.at("/card/body/0/isRequired").asBoolean()).isTrue();
        assertThat(skip.at("/card/actions/0/data/command").asText()).isEqualTo("skip INC-1 2");

        ObjectNode submit = cardSubmit(INCIDENT_THREAD, "skip INC-1 2");
        ((ObjectNode) submit.get("value")).put("reason", " no recent change ");
        teams.send(submit).statusCode(200);

        assertThat(incident("INC-1").getList("steps.status", String.class)).containsExactly("open", "skipped");
        assertThat(incident("INC-1").getList("steps.reason", String.class)).containsExactly(null, "no recent change");
    }

    @Test
    void peopleMentionedInTeamsAreThePlanPeople() {
        teams.send(message("<at>Warroom</at> declare payments-api high Checkout failing"));
        ObjectNode assign = in(INCIDENT_THREAD,
                message("<at>Warroom</at> assign forensic-lead <at>Erin Green</at>"));
        ArrayNode entities = assign.putArray("entities");
        entities.addObject().put("type", "mention").put("text", "<at>Warroom</at>")
                .putObject("mentioned").put("id", "28:" + TeamsStandIn.APP_ID).put("name", "Warroom");
        entities.addObject().put("type", "mention").put("text", "<at>Erin Green</at>")
                .putObject("mentioned").put("id", "29:1erin").put("name", "Erin Green");

        teams.send(assign).statusCode(200);

        assertThat(incident("INC-1").getList("roles.findAll { it.role == 'forensic-lead' }.person", String.class))
                .contains("erin");
    }

    @Test
    void repliesInTheIncidentThreadAfterResolveBecomeLessons() {
        microsoft.stubFor(post(urlEqualTo(activitiesOf(INCIDENT_THREAD))).atPriority(1)
                .withRequestBody(containing("Lessons learned")).willReturn(okJson("{\"id\":\"lessons-2009\"}")));
        teams.send(message("<at>Warroom</at> declare payments-api high Checkout failing"));
        // Before the lessons-learned post, text that is no command is answered as a mistake, not stored.
        teams.send(in(INCIDENT_THREAD, message("<at>Warroom</at> Alerting fired late")));
        assertThat(incident("INC-1").getList("lessons")).isEmpty();
        teams.send(in(INCIDENT_THREAD, message("<at>Warroom</at> resolve Rolled back")));
        microsoft.resetRequests();
        clock.advance(Duration.ofMinutes(30));

        teams.send(in(INCIDENT_THREAD, message("<at>Warroom</at> Alerting fired 10 minutes late"))).statusCode(200);
        teams.send(from("29:1eve", EVE_AAD, "Eve Stranger",
                in(INCIDENT_THREAD, message("<at>Warroom</at>&nbsp;The status page said all is well")))).statusCode(200);
        teams.send(in(INCIDENT_THREAD, message("<at>Warroom</at> status"))).statusCode(200); // still a command

        assertThat(incident("INC-1").getList("lessons.text", String.class))
                .containsExactly("Alerting fired 10 minutes late", "The status page said all is well");
        assertThat(incident("INC-1").getList("lessons.author", String.class)).containsExactly("alice", "Eve Stranger");
        assertThat(incident("INC-1").getList("lessons.at", String.class))
                .containsExactly("2026-11-25T09:30:00Z", "2026-11-25T09:30:00Z");
        List<JsonNode> answers = teams.postedTo(INCIDENT_THREAD);
        assertThat(answers).extracting(TeamsChat::says).startsWith(
                "Lesson 1 recorded for INC-1. Thank you, Alice Smith.",
                "Lesson 2 recorded for INC-1. Thank you, Eve Stranger.");
        assertThat(answers).hasSize(3);
        assertThat(teams.requests(activitiesOf(INCIDENT_THREAD)).get(0).getHeader("Authorization"))
                .isEqualTo("Bearer teams-app-token");
    }

    @Test
    void aDeclareWhileNoTeamChannelIsKnownTellsTheDeclarerWhatToDo() {
        String declaresIn = "a:1alice-declares";

        teams.send(personal(declaresIn, "declare payments-api high Checkout failing")).statusCode(200);

        assertThat(teams.postedTo(declaresIn)).extracting(TeamsChat::says).containsExactly(
                "INC-1 declared: payments-api high — Checkout failing. Incident manager: Alice Smith. "
                        + "Channel: #inc-1-checkout-failing",
                "⚠ #inc-1-checkout-failing has no thread in Teams: Warroom knows no team channel yet. Mention @Warroom "
                        + "once in the team channel where incidents should be opened; later incidents get their thread there.");
        assertThat(teams.requests("/teams/v3/conversations").stream()
                .filter(r -> r.getBodyAsString().contains("\"isGroup\":true"))).isEmpty();
        assertThat(incident("INC-1").getList("timeline.findAll { it.type == 'delivery_failed' }.details", String.class))
                .first().isEqualTo("A message to teams inc-1-checkout-failing could not be delivered after 1 attempt: "
                        + "no Teams team channel known yet: mention Warroom in a team channel first");
        assertThat(teams.postedTo(ALICE_CHAT)).isNotEmpty(); // people are still told in their chats
    }

    @Test
    void onceWarroomIsAddedToATeamIncidentThreadsStartInItsGeneralChannel() {
        ObjectNode added = in(TEAM_CHANNEL, message(null));
        added.put("type", "conversationUpdate");
        ((ObjectNode) added.get("channelData")).remove("channel"); // Teams names only the team then
        ((ObjectNode) added.get("channelData")).put("eventType", "teamMemberAdded");
        added.putArray("membersAdded").addObject().put("id", "28:" + TeamsStandIn.APP_ID);
        teams.send(added).statusCode(200);

        teams.send(personal("a:1alice-declares", "declare payments-api high Checkout failing")).statusCode(200);

        LoggedRequest thread = teams.requests("/teams/v3/conversations").stream()
                .filter(r -> r.getBodyAsString().contains("\"isGroup\":true")).findFirst().orElseThrow();
        assertThat(body(thread).at("/channelData/channel/id").asText()).isEqualTo(TEAM_CHANNEL);
        assertThat(teams.postedTo(INCIDENT_THREAD)).isNotEmpty();
    }

    @Test
    void aBareCommandInAPersonalChatIsAnsweredThere() {
        teams.send(from("29:1eve", EVE_AAD, "Eve Stranger", personal("a:1stranger-chat", "help"))).statusCode(200);

        assertThat(teams.postedTo("a:1stranger-chat")).hasSize(1);
        assertThat(inbound.commandText(message("<at>Warroom</at>&nbsp;incident ack INC-1"))).isEqualTo("ack INC-1");
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
            teams.send(token, message("<at>Warroom</at> declare payments-api high Checkout failing"))
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
        assertThat(teams.requests("/teams/")).isEmpty();
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
    void anActivityWithAnIdTooLongToRememberIs400AndStoresNothing() {
        // Found by TeamsInputFuzzTest: an overlong conversation type failed in the database after the activity was taken.
        ObjectNode activity = message("<at>Warroom</at> declare payments-api high Checkout failing");
        ((ObjectNode) activity.path("conversation")).put("conversationType", "channel".repeat(10));
        teams.send(activity).statusCode(400)
                .body("error", equalTo("malformed activity: conversation.conversationType is longer than 30 characters"));

        ObjectNode channel = message("<at>Warroom</at> declare payments-api high Checkout failing");
        channel.withObject("/channelData").withObject("/channel").put("id", "19:" + "x".repeat(300));
        teams.send(channel).statusCode(400)
                .body("error", equalTo("malformed activity: channelData.channel.id is longer than 300 characters"));

        assertThat(QuarkusTransaction.requiringNew().call(() -> TeamsConversation.count())).isZero();
        given().get("/api/incidents").then().statusCode(200).body("size()", org.hamcrest.Matchers.is(0));
    }

    @Test
    void aForgedTokenWithABrokenBodyIs401NotAParserMessage() {
        // Found by TeamsInputFuzzTest: the body was read before the token, so a forger got 400 and Jackson's reasons.
        given().header("Authorization", "Bearer " + TeamsStandIn.sign(TeamsStandIn.validClaims(), TeamsStandIn.STRANGER_KEY))
                .contentType("application/json").body("{\"type\": \"message\", ").post("/api/messages")
                .then().statusCode(401).body("error", startsWith("invalid token"));
        given().contentType("application/json").body("[1, 2]").post("/api/messages")
                .then().statusCode(401).body("error", equalTo("missing Authorization bearer token"));
    }

    @Test
    void aRateLimitedReplyWaitsForRetryAfter() {
        microsoft.stubFor(post(urlMatching("/teams/v3/conversations/[^/]+/activities")).atPriority(1)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));
        teams.send(message("<at>Warroom</at> help")).statusCode(200);
        assertThat(teams.requests(activitiesOf(GENERAL))).hasSize(1);

        teams.answeringAsUsual();
        clock.advance(Duration.ofSeconds(6));
        dispatcher.deliverPending();
        assertThat(teams.requests(activitiesOf(GENERAL))).isEmpty(); // not yet: Retry-After is 7 seconds
        clock.advance(Duration.ofSeconds(1));
        dispatcher.deliverPending();
        assertThat(teams.requests(activitiesOf(GENERAL))).hasSize(1);
    }

    @Test
    void serverErrorsFromTheBotConnectorAreRetriedWithBackoffUntilDelivered() {
        for (String state : List.of(Scenario.STARTED, "1")) {
            microsoft.stubFor(post(urlEqualTo(activitiesOf(GENERAL))).atPriority(1).inScenario("flaky")
                    .whenScenarioStateIs(state).willReturn(aResponse().withStatus(503).withBody("try later"))
                    .willSetStateTo(state.equals("1") ? "healthy" : "1"));
        }

        String helpAck = "`ack` — The incident manager acknowledges the incident; the acknowledgement timer stops.";
        teams.send(message("<at>Warroom</at> help ack")).statusCode(200);
        assertThat(teams.requests(activitiesOf(GENERAL))).hasSize(1);
        for (int attempt = 0; attempt < 3; attempt++) {
            clock.advance(Duration.ofMinutes(1));
            dispatcher.deliverPending();
        }

        assertThat(teams.postedTo(GENERAL)).extracting(TeamsChat::says)
                .containsExactly(helpAck, helpAck, helpAck); // refused twice, then delivered once
    }

    /** Alice writing to Warroom in a one-to-one chat. */
    private static ObjectNode personal(String conversationId, String text) {
        ObjectNode personal = in(conversationId, message(text));
        personal.with("conversation").put("conversationType", "personal").remove("isGroup");
        personal.remove("channelData");
        return personal;
    }

    /** The value of a fact in an updated summary card. */
    private static String fact(JsonNode activity, String title) {
        for (JsonNode fact : activity.at("/attachments/0/content/body/1/facts")) {
            if (fact.get("title").asText().equals(title)) {
                return fact.get("value").asText();
            }
        }
        throw new AssertionError("no fact " + title + " in " + activity);
    }
}
