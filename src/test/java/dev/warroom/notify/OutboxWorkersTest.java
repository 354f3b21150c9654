package dev.warroom.notify;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.warroom.command.Message;
import dev.warroom.support.ScenarioTest;
import dev.warroom.support.SlackApiStandIn;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox with its delivery threads on, as in production: several channels at once, each in order, and a
 * slow or rate-limited channel holds back only itself. Slack is the WireMock stand-in; the test waits for the
 * calls it expects to reach it (no sleeping).
 */
@QuarkusTest
@TestProfile(OutboxWorkersTest.FourWorkers.class)
class OutboxWorkersTest extends ScenarioTest {

    public static class FourWorkers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("warroom.outbox.workers", "4");
        }
    }

    private static final String POST = "/api/chat.postMessage";
    private static final AtomicReference<CountDownLatch> POSTS_EXPECTED = new AtomicReference<>(new CountDownLatch(0));
    private static boolean listening;

    @Inject
    Outbox outbox;
    @Inject
    OutboxWorkers workers;

    WireMockServer slack;

    @BeforeEach
    void slackAnswersEveryPost() {
        slack = SlackApiStandIn.server();
        slack.resetAll();
        SlackApiStandIn.stubAuthTest(slack);
        slack.stubFor(post(urlEqualTo(POST)).willReturn(okJson("{\"ok\":true,\"ts\":\"1764061200.000100\"}")));
        synchronized (OutboxWorkersTest.class) {
            if (!listening) { // the stand-in lives for the whole run, and a listener cannot be removed
                slack.addMockServiceRequestListener((request, response) -> {
                    if (request.getUrl().equals(POST)) {
                        POSTS_EXPECTED.get().countDown();
                    }
                });
                listening = true;
            }
        }
    }

    @Test
    void threeChannelsGetEveryMessageOnceAndInOrderWhileTheyInterleave() throws Exception {
        slack.stubFor(post(urlEqualTo(POST)).willReturn(okJson("{\"ok\":true,\"ts\":\"1764061200.000100\"}")
                .withFixedDelay(20))); // each call takes a moment, as Slack's do
        CountDownLatch delivered = expectPosts(150);

        queue(IntStream.rangeClosed(1, 50).boxed().flatMap(n -> List.of("C0A:" + n, "C0B:" + n, "C0C:" + n).stream()).toList());
        workers.deliveryRequested();

        assertThat(delivered.await(60, TimeUnit.SECONDS)).as("150 posts reached Slack").isTrue();
        List<String> numbers = IntStream.rangeClosed(1, 50).mapToObj(String::valueOf).toList();
        assertThat(texts("C0A")).containsExactlyElementsOf(numbers);
        assertThat(texts("C0B")).containsExactlyElementsOf(numbers);
        assertThat(texts("C0C")).containsExactlyElementsOf(numbers);
        for (String one : List.of("C0A", "C0B", "C0C")) {
            for (String other : List.of("C0A", "C0B", "C0C")) {
                assertThat(first(one)).as("%s began before %s ended", one, other).isBefore(last(other));
            }
        }
    }

    @Test
    void aSlowChannelDoesNotHoldBackTheOthers() throws Exception {
        slack.stubFor(post(urlEqualTo(POST)).withRequestBody(containing("channel=C0SLOW"))
                .willReturn(okJson("{\"ok\":true,\"ts\":\"1764061200.000100\"}").withFixedDelay(2500)));
        CountDownLatch delivered = expectPosts(42);

        queue(List.of("C0SLOW:1", "C0SLOW:2"));
        queue(IntStream.rangeClosed(1, 20).boxed().flatMap(n -> List.of("C0FAST:" + n, "C0QUICK:" + n).stream()).toList());
        workers.deliveryRequested();

        assertThat(delivered.await(60, TimeUnit.SECONDS)).as("42 posts reached Slack").isTrue();
        assertThat(texts("C0SLOW")).containsExactly("1", "2");
        assertThat(texts("C0FAST")).hasSize(20);
        assertThat(texts("C0QUICK")).hasSize(20);
        java.time.Instant secondSlowPost = posts("C0SLOW").get(1).getLoggedDate().toInstant();
        assertThat(last("C0FAST")).as("all of C0FAST went while C0SLOW's first post took its time").isBefore(secondSlowPost);
        assertThat(last("C0QUICK")).isBefore(secondSlowPost);
    }

    @Test
    void aRateLimitedChannelWaitsAsToldWhileTheOthersGoOn() throws Exception {
        slack.stubFor(post(urlEqualTo(POST)).withRequestBody(containing("channel=C0LIMITED")).inScenario("limited")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("open")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
        CountDownLatch firstRound = expectPosts(11);

        queue(List.of("C0LIMITED:1", "C0LIMITED:2", "C0LIMITED:3", "C0LIMITED:4", "C0LIMITED:5"));
        queue(IntStream.rangeClosed(1, 5).boxed().flatMap(n -> List.of("C0A:" + n, "C0B:" + n).stream()).toList());
        workers.deliveryRequested();

        assertThat(firstRound.await(60, TimeUnit.SECONDS)).as("11 posts reached Slack").isTrue();
        assertThat(texts("C0A")).containsExactly("1", "2", "3", "4", "5");
        assertThat(texts("C0B")).containsExactly("1", "2", "3", "4", "5");
        assertThat(texts("C0LIMITED")).containsExactly("1"); // refused with 429; the rest wait behind it

        CountDownLatch afterTheWait = expectPosts(5);
        clock.advance(Duration.ofSeconds(30));
        workers.deliveryRequested();

        assertThat(afterTheWait.await(60, TimeUnit.SECONDS)).as("5 more posts reached Slack").isTrue();
        assertThat(texts("C0LIMITED")).containsExactly("1", "1", "2", "3", "4", "5");
    }

    /** Queues "CHANNEL:text" messages in one transaction, in the order given. */
    private void queue(List<String> messages) {
        QuarkusTransaction.requiringNew().run(() -> messages.forEach(m -> {
            String[] channelAndText = m.split(":", 2);
            outbox.post("slack", Destination.channel(channelAndText[0]), Message.text(channelAndText[1]), null);
        }));
    }

    private static CountDownLatch expectPosts(int count) {
        CountDownLatch latch = new CountDownLatch(count);
        POSTS_EXPECTED.set(latch);
        return latch;
    }

    /** The posts to one channel, in the order Slack received them (one channel's posts never overlap). */
    private List<LoggedRequest> posts(String channel) {
        return slack.findAll(postRequestedFor(urlEqualTo(POST))).stream()
                .filter(r -> channel.equals(form(r.getBodyAsString()).get("channel")))
                .toList();
    }

    private List<String> texts(String channel) {
        return posts(channel).stream().map(r -> form(r.getBodyAsString()).get("text")).toList();
    }

    private java.time.Instant first(String channel) {
        return posts(channel).get(0).getLoggedDate().toInstant();
    }

    private java.time.Instant last(String channel) {
        List<LoggedRequest> posts = posts(channel);
        return posts.get(posts.size() - 1).getLoggedDate().toInstant();
    }

    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&")).filter(p -> !p.isEmpty()).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "", (a, b) -> b));
    }
}
