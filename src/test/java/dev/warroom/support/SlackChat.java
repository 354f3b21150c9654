package dev.warroom.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.warroom.chat.slack.SlackRequests;
import io.restassured.response.ValidatableResponse;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static io.restassured.RestAssured.given;

/**
 * Talks to Warroom as Slack does (signed requests to /slack/events) and reads what Warroom sent to
 * {@link SlackApiStandIn}, which answers as a healthy workspace unless a test says otherwise.
 */
public final class SlackChat {

    public static final String GENERAL = "C0GENERAL";
    /** The id the stand-in gives the incident channel Warroom creates. */
    public static final String INCIDENT_CHANNEL = "C0INC1";
    /** The ts of every message the stand-in accepts. */
    public static final String MESSAGE_TS = "1764061200.000100";

    private final WireMockServer slack;
    private final Clock clock;

    public SlackChat(Clock clock) {
        this.slack = SlackApiStandIn.server();
        this.clock = clock;
    }

    /** Forgets earlier requests and answers every Web API method Warroom calls, successfully. */
    public SlackChat answeringAsUsual() {
        slack.resetAll();
        SlackApiStandIn.stubAuthTest(slack);
        slack.stubFor(post(urlEqualTo("/api/conversations.create")).willReturn(okJson(
                "{\"ok\":true,\"channel\":{\"id\":\"" + INCIDENT_CHANNEL + "\",\"name\":\"inc-1-checkout-failing\"}}")));
        slack.stubFor(post(urlMatching("/api/(conversations.invite|conversations.setTopic|pins.add|chat.update|views.open|reactions.add)"))
                .willReturn(okJson("{\"ok\":true}")));
        slack.stubFor(post(urlEqualTo("/api/conversations.open")).willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"D0DM\"}}")));
        slack.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson("{\"ok\":true,\"ts\":\"" + MESSAGE_TS + "\"}")));
        return this;
    }

    public WireMockServer server() {
        return slack;
    }

    /** {@code /incident <text>} typed by a Slack user in the general channel. */
    public ValidatableResponse slash(String user, String text, String trigger) {
        return slash(user, text, trigger, GENERAL);
    }

    public ValidatableResponse slash(String user, String text, String trigger, String channel) {
        return signed(SlackRequests.slashCommandBody(user, SlackRequests.userName(user), channel, text, trigger),
                SlackRequests.FORM);
    }

    /** A request signed with the app's signing secret at the test clock's time. */
    public ValidatableResponse signed(String body, String contentType) {
        return given().headers(SlackRequests.signedHeaders(body, now(), SlackApiStandIn.SIGNING_SECRET))
                .contentType(contentType).body(body).post("/slack/events").then();
    }

    public long now() {
        return clock.instant().getEpochSecond();
    }

    /** The Web API methods called, in order (auth.test aside). */
    public List<String> calls() {
        return requests().stream().map(r -> r.getUrl().substring("/api/".length())).toList();
    }

    /** The form fields of each Web API call, in order. */
    public List<Map<String, String>> sent() {
        return requests().stream().map(r -> FormBody.fields(r.getBodyAsString())).toList();
    }

    /** The texts of the chat.postMessage calls to a channel, in order. */
    public List<String> textsTo(String channel) {
        return requests().stream().filter(r -> r.getUrl().equals("/api/chat.postMessage"))
                .map(r -> FormBody.fields(r.getBodyAsString()))
                .filter(m -> channel.equals(m.get("channel")))
                .map(m -> m.get("text")).toList();
    }

    private List<LoggedRequest> requests() {
        return slack.findAll(anyRequestedFor(urlMatching("/api/.*"))).stream()
                .filter(r -> !r.getUrl().equals("/api/auth.test")).toList();
    }
}
