package dev.warroom.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.warroom.chat.slack.SlackRequests;
import dev.warroom.notify.OutboxDispatcher;
import dev.warroom.support.ScenarioTest;
import dev.warroom.support.SlackApiStandIn;
import dev.warroom.support.TeamsStandIn;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Logs as production writes them: one JSON object per line, the incident's key on its lines, and no secret anywhere. */
@QuarkusTest
@TestProfile(JsonLogProfile.class)
class LogsTest extends ScenarioTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ALERT_TOKEN = "test-alert-token";

    @Inject
    OutboxDispatcher dispatcher;

    @Test
    void aDeclareLogsJsonLinesWithTheIncidentKeyAndNoSecrets() throws IOException {
        WireMockServer slack = SlackApiStandIn.server();
        slack.resetAll();
        SlackApiStandIn.stubAuthTest(slack);
        slack.stubFor(post(urlEqualTo("/api/conversations.create"))
                .willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"C0INC1\",\"name\":\"inc-1-checkout-failing\"}}")));
        slack.stubFor(post(urlMatching("/api/.*")).atPriority(10)
                .willReturn(okJson("{\"ok\":true,\"ts\":\"1764061200.000100\",\"channel\":{\"id\":\"D0DM\"}}")));

        String body = SlackRequests.slashCommandBody("U01ALICE", "alice", "C0GENERAL",
                "declare payments-api high Checkout failing", "trigger-1");
        given().headers(SlackRequests.signedHeaders(body, clock.instant().getEpochSecond(), SlackApiStandIn.SIGNING_SECRET))
                .contentType(SlackRequests.FORM).body(body).post("/slack/events").then().statusCode(200);
        given().headers(SlackRequests.signedHeaders(body, clock.instant().getEpochSecond(), "forged-secret"))
                .contentType(SlackRequests.FORM).body(body).post("/slack/events").then().statusCode(401);
        given().header("Authorization", "Bearer " + ALERT_TOKEN).contentType("application/json")
                .body("{\"version\":\"4\",\"groupKey\":\"g1\",\"status\":\"resolved\",\"alerts\":[{\"status\":\"resolved\"}]}")
                .post("/api/alerts/alertmanager").then().statusCode(200);
        dispatcher.deliverPending();

        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(JsonLogProfile.LOG)) {
            assertThat(line).doesNotContain(SlackApiStandIn.BOT_TOKEN, SlackApiStandIn.SIGNING_SECRET,
                    TeamsStandIn.APP_PASSWORD, ALERT_TOKEN);
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).allSatisfy(line -> assertThat(line.has("message") && line.has("level")).isTrue());
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("message").asText()).isEqualTo("`declare` from alice on slack applied");
            assertThat(line.path("mdc").path("incident").asText()).isEqualTo("INC-1");
        });
    }
}
