package dev.warroom.notify;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.warroom.command.Message;
import dev.warroom.support.Eventually;
import dev.warroom.support.KernelThreads;
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
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
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
    /** Every chat.postMessage the stand-in answered, as the stand-in saw them (one channel's posts never overlap). */
    private static final List<Post> POSTS = new CopyOnWriteArrayList<>();
    private static final AtomicReference<Expected> EXPECTED = new AtomicReference<>(new Expected(Set.of(), new CountDownLatch(0)));
    private static boolean listening;

    record Post(String channel, String text, Instant at) {
    }

    /** Counts down for each post to one of the channels. */
    record Expected(Set<String> channels, CountDownLatch latch) {
    }

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
        POSTS.clear();
        synchronized (OutboxWorkersTest.class) {
            if (!listening) { // the stand-in lives for the whole run, and a listener cannot be removed
                slack.addMockServiceRequestListener((request, response) -> {
                    if (request.getUrl().equals(POST)) {
                        Map<String, String> form = form(request.getBodyAsString());
                        POSTS.add(new Post(form.get("channel"), form.get("text"), Instant.now()));
                        Expected expected = EXPECTED.get();
                        if (expected.channels().contains(form.get("channel"))) {
                            expected.latch().countDown();
                        }
                    }
                });
                listening = true;
            }
        }
    }

    @Test
    void theDeliveryThreadsRunBelowRequestHandlingAtNiceNineteen() {
        Map<String, Integer> expected = Map.of("outbox-1", 19, "outbox-2", 19, "outbox-3", 19, "outbox-4", 19);

        Eventually.await("the 4 outbox threads at nice 19", () -> KernelThreads.niceByName("outbox-").equals(expected));
    }

    @Test
    void threeChannelsGetEveryMessageOnceAndInOrderWhileTheyInterleave() throws Exception {
        slack.stubFor(post(urlEqualTo(POST)).willReturn(okJson("{\"ok\":true,\"ts\":\"1764061200.000100\"}")
                .withFixedDelay(20))); // each call takes a moment, as Slack's do
        CountDownLatch delivered = expectPosts(150, "C0A", "C0B", "C0C");

        queue(IntStream.rangeClosed(1, 50).boxed().flatMap(n -> List.of("C0A:" + n, "C0B:" + n, "C0C:" + n).stream()).toList());
        workers.deliveryRequested();

        assertThat(delivered.await(120, TimeUnit.SECONDS)).as("150 posts reached Slack").isTrue();
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
                .willReturn(okJson("{\"ok\":true,\"ts\":\"1764061200.000100\"}").withFixedDelay(5000)));
        CountDownLatch fastOnes = expectPosts(40, "C0FAST", "C0QUICK");

        queue(List.of("C0SLOW:1"));
        queue(IntStream.rangeClosed(1, 20).boxed().flatMap(n -> List.of("C0FAST:" + n, "C0QUICK:" + n).stream()).toList());
        workers.deliveryRequested();

        assertThat(fastOnes.await(120, TimeUnit.SECONDS)).as("40 posts reached Slack").isTrue();
        assertThat(statusOfTheFirstMessage()).as("C0SLOW's post, still under way").isEqualTo("PENDING");
        assertThat(texts("C0FAST")).containsExactlyElementsOf(IntStream.rangeClosed(1, 20).mapToObj(String::valueOf).toList());
        assertThat(texts("C0QUICK")).containsExactlyElementsOf(IntStream.rangeClosed(1, 20).mapToObj(String::valueOf).toList());
    }

    @Test
    void aLongQueueBehindASlowChannelDoesNotHoldBackTheOthers() throws Exception {
        slack.stubFor(post(urlEqualTo(POST)).withRequestBody(containing("channel=C0SLOW"))
                .willReturn(okJson("{\"ok\":true,\"ts\":\"1764061200.000100\"}").withFixedDelay(3000)));
        CountDownLatch fastOnes = expectPosts(5, "C0FAST");

        // More messages to the slow channel than the claim's first look takes in (the 100 oldest due).
        queue(IntStream.rangeClosed(1, 150).mapToObj(n -> "C0SLOW:" + n).toList());
        queue(IntStream.rangeClosed(1, 5).mapToObj(n -> "C0FAST:" + n).toList());
        workers.deliveryRequested();

        assertThat(fastOnes.await(120, TimeUnit.SECONDS)).as("5 posts reached Slack").isTrue();
        assertThat(texts("C0FAST")).containsExactly("1", "2", "3", "4", "5");
        assertThat(texts("C0SLOW").size()).as("slow posts made before the fast channel was done").isLessThan(5);
    }

    @Test
    void aRateLimitedChannelWaitsAsToldWhileTheOthersGoOn() throws Exception {
        slack.stubFor(post(urlEqualTo(POST)).withRequestBody(containing("channel=C0LIMITED")).inScenario("limited")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("open")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
        CountDownLatch firstRound = expectPosts(11, "C0LIMITED", "C0A", "C0B");

        queue(List.of("C0LIMITED:1", "C0LIMITED:2", "C0LIMITED:3", "C0LIMITED:4", "C0LIMITED:5"));
        queue(IntStream.rangeClosed(1, 5).boxed().flatMap(n -> List.of("C0A:" + n, "C0B:" + n).stream()).toList());
        workers.deliveryRequested();

        assertThat(firstRound.await(120, TimeUnit.SECONDS)).as("11 posts reached Slack").isTrue();
        assertThat(texts("C0A")).containsExactly("1", "2", "3", "4", "5");
        assertThat(texts("C0B")).containsExactly("1", "2", "3", "4", "5");
        assertThat(texts("C0LIMITED")).containsExactly("1"); // refused with 429; the rest wait behind it

        CountDownLatch afterTheWait = expectPosts(5, "C0LIMITED");
        clock.advance(Duration.ofSeconds(30));
        workers.deliveryRequested();

        assertThat(afterTheWait.await(120, TimeUnit.SECONDS)).as("5 more posts reached Slack").isTrue();
        assertThat(texts("C0LIMITED")).containsExactly("1", "1", "2", "3", "4", "5");
    }

    /** Queues "CHANNEL:text" messages in one transaction, in the order given. */
    private void queue(List<String> messages) {
        QuarkusTransaction.requiringNew().run(() -> messages.forEach(m -> {
            String[] channelAndText = m.split(":", 2);
            outbox.post("slack", Destination.channel(channelAndText[0]), Message.text(channelAndText[1]), null);
        }));
    }

    private static CountDownLatch expectPosts(int count, String... channels) {
        CountDownLatch latch = new CountDownLatch(count);
        EXPECTED.set(new Expected(Set.of(channels), latch));
        return latch;
    }

    private String statusOfTheFirstMessage() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>findById(1L).status.name());
    }

    private static List<Post> posts(String channel) {
        return POSTS.stream().filter(p -> channel.equals(p.channel())).toList();
    }

    private static List<String> texts(String channel) {
        return posts(channel).stream().map(Post::text).toList();
    }

    private static Instant first(String channel) {
        return posts(channel).get(0).at();
    }

    private static Instant last(String channel) {
        List<Post> posts = posts(channel);
        return posts.get(posts.size() - 1).at();
    }

    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&")).filter(p -> !p.isEmpty()).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "", (a, b) -> b));
    }
}
