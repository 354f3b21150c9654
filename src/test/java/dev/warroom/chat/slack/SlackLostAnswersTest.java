package dev.warroom.chat.slack;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warroom.notify.Destination;
import dev.warroom.notify.Outbox;
import dev.warroom.notify.OutboxDispatcher;
import dev.warroom.notify.OutboxMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import dev.warroom.support.ScenarioTest;
import dev.warroom.support.SlackChat;
import dev.warroom.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slack carried out a call but its answer was lost (the connection dropped). conversations.create: the retry hears
 * {@code name_taken}; before, Warroom then made a second, numbered channel and left the first one empty.
 * chat.postMessage: the retry finds the post by its outbox id in the message metadata; before, it was posted twice
 * (and OkHttp's own silent re-send of the POST posted it twice as well). Both found with SlackFaultsTest's faults.
 * A message claimed by a delivery whose transaction never committed (a crash) is looked for the same way.
 */
@QuarkusTest
class SlackLostAnswersTest extends ScenarioTest {

    private static final String NAME = "inc-1-checkout-failing";
    private static final long DECLARED = TestClock.START.getEpochSecond();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    OutboxDispatcher dispatcher;
    @Inject
    Outbox outbox;
    @Inject
    EntityManager entityManager;

    SlackChat chat;
    WireMockServer slack;

    @BeforeEach
    void theFirstCreateMakesTheChannelButItsAnswerIsLost() {
        chat = new SlackChat(clock).answeringAsUsual();
        slack = chat.server();
        slack.stubFor(post(urlEqualTo("/api/conversations.create")).inScenario("create").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("made").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        slack.stubFor(post(urlEqualTo("/api/conversations.create")).inScenario("create").whenScenarioStateIs("made")
                .willReturn(okJson("{\"ok\":false,\"error\":\"name_taken\"}")));
    }

    @Test
    void theRetryFindsTheChannelItMadeAndUsesIt() {
        listing("C0OTHER", "general", "U0SOMEONE", DECLARED - 86_400, "C0MADE", NAME, "U0WARROOM", DECLARED + 1);

        chat.slash("U01ALICE", "declare payments-api high Checkout failing", "trigger-1").statusCode(200);
        clock.advance(Duration.ofMinutes(1));
        dispatcher.deliverPending();

        assertThat(chat.calls().stream().filter(c -> c.startsWith("conversations.create") || c.equals("conversations.list")))
                .containsExactly("conversations.create", "conversations.create", "conversations.list");
        assertThat(chat.sent().stream().filter(m -> m.containsKey("name")).map(m -> m.get("name"))).containsOnly(NAME);
        assertThat(chat.textsTo("C0MADE")).hasSize(2); // the incident card and the checklist
        assertThat(chat.sent().stream().filter(m -> "C0MADE".equals(m.get("channel"))).map(m -> m.get("topic")))
                .contains("INC-1 · payments-api · HIGH — Checkout failing · Manager: Alice Smith · Plan: "
                        + "https://wiki.example.com/plans/payments-api");
    }

    @Test
    void aChannelOfThatNameFromBeforeTheIncidentIsNotTaken() {
        listing("C0OLD", NAME, "U0WARROOM", DECLARED - 86_400);
        slack.stubFor(post(urlEqualTo("/api/conversations.create")).withRequestBody(
                        com.github.tomakehurst.wiremock.client.WireMock.containing("name=" + NAME + "-2"))
                .willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"C0NEW\",\"name\":\"" + NAME + "-2\"}}")));

        chat.slash("U01ALICE", "declare payments-api high Checkout failing", "trigger-1").statusCode(200);
        clock.advance(Duration.ofMinutes(1));
        dispatcher.deliverPending();

        assertThat(chat.sent().stream().filter(m -> m.containsKey("name")).map(m -> m.get("name")))
                .containsExactly(NAME, NAME, NAME + "-2");
        assertThat(chat.textsTo("C0OLD")).isEmpty();
        assertThat(chat.textsTo("C0NEW")).hasSize(2);
    }

    @Test
    void aPostWhoseAnswerWasLostIsFoundByItsOutboxIdAndNotPostedAgain() throws Exception {
        slack.stubFor(post(urlEqualTo("/api/chat.postMessage")).atPriority(1).inScenario("post")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("posted")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        slack.stubFor(post(urlEqualTo("/api/conversations.history")).willReturn(okJson("{\"ok\":true,\"messages\":["
                + "{\"type\":\"message\",\"ts\":\"1764061200.000700\",\"text\":\"someone else\"},"
                + "{\"type\":\"message\",\"ts\":\"1764061200.000777\",\"metadata\":{\"event_type\":\"warroom_outbox\","
                + "\"event_payload\":{\"outbox_id\":\"1\"}}}]}")));

        chat.slash("U01ALICE", "help ack", "trigger-1").statusCode(200);
        clock.advance(Duration.ofMinutes(1));
        dispatcher.deliverPending();
        clock.advance(Duration.ofMinutes(10));
        dispatcher.deliverPending();

        assertThat(chat.calls()).containsExactly("chat.postMessage", "conversations.history");
        assertThat(JSON.readTree(chat.sent().get(0).get("metadata")))
                .isEqualTo(JSON.readTree("{\"event_type\":\"warroom_outbox\",\"event_payload\":{\"outbox_id\":\"1\"}}"));
        assertThat(chat.sent().get(1)).containsEntry("channel", SlackChat.GENERAL).containsEntry("include_all_metadata", "1")
                .containsEntry("oldest", (DECLARED - 300) + ".000000");
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>findById(1L).status))
                .isEqualTo(OutboxMessage.Status.SENT);
    }

    @Test
    void aMessageClaimedByADeliveryThatNeverCommittedIsLookedForBeforeItIsSent() {
        QuarkusTransaction.requiringNew().run(() -> outbox.post("slack", Destination.channel(SlackChat.GENERAL),
                dev.warroom.command.Message.text("Checkout is back"), null));
        // As a crash leaves it: the claim's mark committed, the delivering transaction not.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "insert into outbox_claim (outbox_id, claimed_at) values (1, now())").executeUpdate());
        slack.stubFor(post(urlEqualTo("/api/conversations.history")).willReturn(okJson("{\"ok\":true,\"messages\":["
                + "{\"type\":\"message\",\"ts\":\"1764061200.000777\",\"metadata\":{\"event_type\":\"warroom_outbox\","
                + "\"event_payload\":{\"outbox_id\":\"1\"}}}]}")));

        dispatcher.deliverPending();

        assertThat(chat.calls()).containsExactly("conversations.history");
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>findById(1L).status))
                .isEqualTo(OutboxMessage.Status.SENT);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from outbox_claim").getSingleResult()).intValue())).isZero();
    }

    @Test
    void aFirstTryWithNoUnfinishedClaimPostsWithoutLooking() {
        QuarkusTransaction.requiringNew().run(() -> outbox.post("slack", Destination.channel(SlackChat.GENERAL),
                dev.warroom.command.Message.text("Checkout is back"), null));

        dispatcher.deliverPending();

        assertThat(chat.calls()).containsExactly("chat.postMessage");
        assertThat(chat.textsTo(SlackChat.GENERAL)).containsExactly("Checkout is back");
    }

    /** conversations.list answering with channels given as id, name, creator, created (epoch seconds). */
    private void listing(Object... channels) {
        StringBuilder json = new StringBuilder("{\"ok\":true,\"channels\":[");
        for (int i = 0; i < channels.length; i += 4) {
            json.append(i == 0 ? "" : ",").append(String.format(
                    "{\"id\":\"%s\",\"name\":\"%s\",\"creator\":\"%s\",\"created\":%d,\"is_channel\":true}",
                    channels[i], channels[i + 1], channels[i + 2], (Long) channels[i + 3]));
        }
        slack.stubFor(post(urlEqualTo("/api/conversations.list")).willReturn(okJson(
                json.append("],\"response_metadata\":{\"next_cursor\":\"\"}}").toString())));
    }
}
