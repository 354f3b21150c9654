package dev.warroom.chat.slack;

import dev.warroom.chat.ChatInboxRecovery;
import dev.warroom.chat.WorkQueueFull;
import dev.warroom.notify.OutboxMessage;
import dev.warroom.support.Eventually;
import dev.warroom.support.FullWorkQueue;
import dev.warroom.support.InlineAcknowledgedWork;
import dev.warroom.support.ScenarioTest;
import dev.warroom.support.SlackApiStandIn;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static dev.warroom.support.MetricsText.sample;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A burst beyond the work queue: a request waits stored in the backlog and runs when there is room; beyond the backlog
 * Slack is told 503, nothing is done or stored, and Slack's re-send is taken.
 */
@QuarkusTest
class SlackWorkQueueLimitTest extends ScenarioTest {

    @Inject
    InlineAcknowledgedWork work;
    @Inject
    ChatInboxRecovery recovery;

    @BeforeEach
    void slackAnswers() {
        SlackApiStandIn.server().resetAll();
        SlackApiStandIn.stubAuthTest(SlackApiStandIn.server());
        SlackApiStandIn.server().stubFor(post(urlMatching("/api/(conversations|pins)\\..*"))
                .willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"C0INC1\",\"name\":\"inc-1-checkout-failing\"}}")));
        SlackApiStandIn.server().stubFor(post(urlMatching("/api/chat\\..*"))
                .willReturn(okJson("{\"ok\":true,\"ts\":\"1764061200.000100\"}")));
    }

    @Test
    void withTheQueueFullACommandIs503AndNothingHappensUntilItIsSentAgain() throws Exception {
        String mention = statusMention("Ev0BUSY", "1764000000.000200");

        double refused = sample("warroom_chat_requests_refused_total", BUSY);
        try (FullWorkQueue full = FullWorkQueue.fill(work)) {
            assertThat(sample("warroom_chat_work_waiting", "")).isEqualTo(1);
            signed(DECLARE, SlackRequests.FORM).statusCode(503).header("Retry-After", "1")
                    .body("error", equalTo(WorkQueueFull.MESSAGE));
            signed(mention, SlackRequests.JSON).statusCode(503).body("error", equalTo(WorkQueueFull.MESSAGE));
        }
        assertThat(sample("warroom_chat_requests_refused_total", BUSY)).isEqualTo(refused + 2);

        assertThat(given().get("/api/incidents").jsonPath().getList("$")).isEmpty();
        assertThat(outboxRows()).isZero();
        assertThat(SlackApiStandIn.server().findAll(postRequestedFor(urlMatching("/api/(chat|conversations|pins)\\..*"))))
                .isEmpty();

        // Slack sends the refused request again; with room in the queue it is taken, once.
        given().headers(SlackRequests.signedHeaders(DECLARE, now(), SlackApiStandIn.SIGNING_SECRET))
                .header("X-Slack-Retry-Num", "1").header("X-Slack-Retry-Reason", "http_error")
                .contentType(SlackRequests.FORM).body(DECLARE).post("/slack/events").then().statusCode(200);
        assertThat(given().get("/api/incidents").jsonPath().getList("key")).containsExactly("INC-1");
    }

    @Test
    void pastTheQueueACommandWaitsStoredInTheBacklogAndRunsOnceThereIsRoom() throws Exception {
        String mention = statusMention("Ev0LATER", "1764000000.000300");
        work.allowBacklog(1);
        try {
            try (FullWorkQueue full = FullWorkQueue.fill(work)) {
                signed(DECLARE, SlackRequests.FORM).statusCode(200);
                assertThat(sample("warroom_chat_work_waiting", "")).isEqualTo(2); // the queue's one place, the backlog
                assertThat(storedWork()).isEqualTo(1);
                assertThat(given().get("/api/incidents").jsonPath().getList("$")).isEmpty();

                signed(mention, SlackRequests.JSON).statusCode(503).body("error", equalTo(WorkQueueFull.MESSAGE));
                assertThat(storedWork()).isEqualTo(1);

                // Waiting long in the backlog is not being left: this instance vouches for it, nobody runs it twice.
                clock.advance(Duration.ofMinutes(2));
                assertThat(recovery.runLeftWork()).isZero();
            }
            Eventually.await("the declare in the backlog ran", () -> storedWork() == 0);
            assertThat(given().get("/api/incidents").jsonPath().getList("key")).containsExactly("INC-1");
            assertThat(sample("warroom_chat_work_waiting", "")).isZero();
        } finally {
            work.allowBacklog(0);
        }
    }

    private static final String DECLARE = SlackRequests.slashCommandBody("U01ALICE", "alice", "C0GENERAL",
            "declare payments-api high Checkout failing", "trigger-1");

    private static String statusMention(String eventId, String ts) {
        return SlackRequests.eventBody(eventId, SlackRequests.appMentionEventJson("U01ALICE", "C0GENERAL",
                "status INC-1", ts));
    }

    static final String BUSY = "platform=\"slack\",reason=\"busy\"";

    private ValidatableResponse signed(String body, String contentType) {
        return given().headers(SlackRequests.signedHeaders(body, now(), SlackApiStandIn.SIGNING_SECRET))
                .contentType(contentType).body(body).post("/slack/events").then();
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private static long storedWork() {
        return QuarkusTransaction.requiringNew().<Long>call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from chat_inbox").getSingleResult()).longValue());
    }

    private static long outboxRows() {
        return QuarkusTransaction.requiringNew().<Long>call(() -> OutboxMessage.count());
    }
}
