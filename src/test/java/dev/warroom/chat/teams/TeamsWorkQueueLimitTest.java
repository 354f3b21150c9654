package dev.warroom.chat.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warroom.chat.WorkQueueFull;
import dev.warroom.notify.OutboxMessage;
import dev.warroom.support.FullWorkQueue;
import dev.warroom.support.InlineAcknowledgedWork;
import dev.warroom.support.ScenarioTest;
import dev.warroom.support.TeamsProfile;
import dev.warroom.support.TeamsStandIn;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.warroom.support.MetricsText.sample;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A burst beyond the work queue: the Bot Framework is told 503, and nothing of the activity is done or stored. */
@QuarkusTest
@TestProfile(TeamsProfile.class)
class TeamsWorkQueueLimitTest extends ScenarioTest {

    static final String GENERAL = "19:general@thread.tacv2;messageid=1001";

    @Inject
    InlineAcknowledgedWork work;

    @BeforeEach
    void microsoftAnswers() {
        TeamsStandIn.server().resetAll();
        TeamsStandIn.stubKeys(TeamsStandIn.server());
        TeamsStandIn.server().stubFor(post(urlEqualTo("/login/" + TeamsStandIn.TENANT + "/oauth2/v2.0/token"))
                .willReturn(okJson("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"teams-app-token\"}")));
        TeamsStandIn.server().stubFor(post(urlPathMatching("/teams/v3/conversations/[^/]+/activities"))
                .willReturn(okJson("{\"id\":\"activity-1\"}")));
    }

    @Test
    void withTheQueueFullAnActivityIs503AndNothingIsStored() throws Exception {
        String busy = "platform=\"teams\",reason=\"busy\"";
        double refused = sample("warroom_chat_requests_refused_total", busy);
        try (FullWorkQueue full = FullWorkQueue.fill(work)) {
            activity("incident help").statusCode(503).header("Retry-After", "1")
                    .body("error", equalTo(WorkQueueFull.MESSAGE));
        }
        assertThat(sample("warroom_chat_requests_refused_total", busy)).isEqualTo(refused + 1);

        assertThat(QuarkusTransaction.requiringNew().<Long>call(() -> TeamsConversation.count())).isZero();
        assertThat(outboxRows()).isZero();

        activity("incident help").statusCode(200); // sent again with room in the queue: taken
        assertThat(QuarkusTransaction.requiringNew().<Boolean>call(() -> TeamsConversation.byId(GENERAL).isPresent())).isTrue();
        assertThat(outboxRows()).isEqualTo(1);
    }

    /** A message from Alice in the team's General channel, with a valid Bot Framework token. */
    private static ValidatableResponse activity(String text) {
        ObjectNode activity = new ObjectMapper().createObjectNode();
        activity.put("type", "message");
        activity.put("id", "1001-" + text.hashCode());
        activity.put("channelId", "msteams");
        activity.put("serviceUrl", TeamsStandIn.serviceUrl());
        activity.put("text", "<at>Warroom</at> " + text);
        activity.putObject("from").put("id", "29:1alice").put("name", "Alice Smith");
        activity.putObject("recipient").put("id", "28:" + TeamsStandIn.APP_ID).put("name", "Warroom");
        activity.putObject("conversation").put("id", GENERAL).put("conversationType", "channel").put("isGroup", true);
        activity.putObject("channelData").putObject("channel").put("id", "19:general@thread.tacv2");
        return given().header("Authorization", "Bearer " + TeamsStandIn.validToken()).contentType("application/json")
                .body(activity.toString()).post("/api/messages").then();
    }

    private static long outboxRows() {
        return QuarkusTransaction.requiringNew().<Long>call(() -> OutboxMessage.count());
    }
}
