package dev.warroom.chat.slack;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.warroom.notify.OutboxDispatcher;
import dev.warroom.support.ScenarioTest;
import dev.warroom.support.SlackChat;
import dev.warroom.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * conversations.create made the channel but its answer was lost (the connection dropped): the retry hears
 * {@code name_taken}. Found by SlackFaultsTest's kind of fault; before, Warroom then made a second, numbered channel
 * and left the first one empty.
 */
@QuarkusTest
class SlackLostCreateAnswerTest extends ScenarioTest {

    private static final String NAME = "inc-1-checkout-failing";
    private static final long DECLARED = TestClock.START.getEpochSecond();

    @Inject
    OutboxDispatcher dispatcher;

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
