package dev.warroom.resilience;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.warroom.notify.OutboxDispatcher;
import dev.warroom.support.ScenarioTest;
import dev.warroom.support.SlackApiStandIn;
import dev.warroom.support.SlackChat;
import dev.warroom.support.SlackFaults;
import dev.warroom.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9's Slack faults: a load of slash commands while the workspace answers a quarter of the Web API calls with
 * 429 + Retry-After, 500, 503, a reset connection, a slow answer, or a post made whose answer is lost. Every message
 * Warroom meant to post is in its channel exactly once, and each channel gets its messages in order: the same posts, channel by channel, as
 * the same load against a healthy workspace.
 */
@QuarkusTest
class SlackFaultsTest extends ScenarioTest {

    private static final int INCIDENTS = 12;
    private static final int UPDATES = 4;
    private static final int CLIENTS = 6;

    @Inject
    OutboxDispatcher dispatcher;
    @Inject
    EntityManager entityManager;

    @AfterEach
    void healthyAgain() {
        SlackFaults.start(0, 0);
    }

    @Test
    void everyMessageIsAcceptedOnceAndInOrderPerChannelDespiteTheFaults() throws Exception {
        Map<String, List<String>> healthy = run(0);
        assertThat(SlackFaults.injected()).isEmpty();
        assertThat(healthy.values().stream().mapToInt(List::size).sum()).as("posts of the healthy run")
                .isGreaterThan(INCIDENTS * (UPDATES + 6));

        database.reset();
        clock.set(TestClock.START);
        Map<String, List<String>> faulty = run(0.25);

        assertThat(SlackFaults.injected()).as("faults injected").containsOnlyKeys(SlackFaults.Kind.values());
        assertThat(SlackFaults.posts().stream().filter(p -> !p.accepted())).as("posts refused").isNotEmpty();
        assertThat(SlackFaults.posts().stream().filter(SlackFaults.Post::answerLost)).as("posts made whose answer was lost")
                .isNotEmpty();
        assertThat(faulty).isEqualTo(healthy);
        assertThat(outboxStatuses()).containsOnlyKeys("SENT");
    }

    /**
     * Declares the incidents one by one (so each run numbers them alike), then {@value #CLIENTS} clients post their
     * status updates at once; retries are let through by moving the clock on. Returns the accepted posts by channel.
     */
    private Map<String, List<String>> run(double faultRate) throws Exception {
        SlackChat chat = new SlackChat(clock);
        workspace(chat.server());
        SlackFaults.start(20261126L, faultRate);

        for (int n = 1; n <= INCIDENTS; n++) {
            chat.slash("U01ALICE", "declare payments-api high Load " + n, "trigger-d" + n).statusCode(200);
        }
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int n = 1; n <= INCIDENTS; n++) {
                int incident = n;
                done.add(clients.submit(() -> {
                    for (int u = 1; u <= UPDATES; u++) {
                        chat.slash("U01FRANK", "update INC-" + incident + " Update " + u, "trigger-u" + incident + "-" + u)
                                .statusCode(200);
                    }
                }));
            }
            for (Future<?> client : done) {
                client.get(5, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
        drain();

        List<SlackFaults.Post> seen = SlackFaults.posts();
        Map<String, List<String>> accepted = new TreeMap<>();
        for (Map.Entry<String, List<SlackFaults.Post>> channel : byChannel(seen).entrySet()) {
            List<String> texts = channel.getValue().stream().filter(SlackFaults.Post::accepted).map(SlackFaults.Post::text).toList();
            assertThat(texts).as("accepted in %s", channel.getKey()).doesNotHaveDuplicates();
            assertThat(texts).as("in %s, every attempt until one is accepted comes before the next message", channel.getKey())
                    .isEqualTo(attemptsWithRetriesFolded(channel.getValue()));
            accepted.put(channel.getKey(), channel.getKey().startsWith("CINC") ? texts : texts.stream().sorted().toList());
        }
        return accepted;
    }

    /** Lets every waiting retry come due, a few minutes at a time, until nothing is pending. */
    private void drain() {
        for (int round = 0; round < 100 && outboxStatuses().containsKey("PENDING"); round++) {
            clock.advance(Duration.ofMinutes(7)); // beyond the longest backoff, 5 minutes and a quarter
            dispatcher.deliverPending();
        }
    }

    private Map<String, Long> outboxStatuses() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery(
                    "select status, count(*) from outbox_message where platform = 'slack' group by status").getResultList();
            return rows.stream().collect(Collectors.toMap(r -> (String) r[0], r -> ((Number) r[1]).longValue()));
        });
    }

    /**
     * An incident channel's messages come in one order in every run; the general channel and the DMs hear from many
     * incidents at once, so the two runs are compared on their sets there (their order is checked within each run).
     */
    private static Map<String, List<SlackFaults.Post>> byChannel(List<SlackFaults.Post> posts) {
        return posts.stream().collect(Collectors.groupingBy(SlackFaults.Post::channel, LinkedHashMap::new, Collectors.toList()));
    }

    /** The messages in the order they were first tried, each tried again until accepted: retries folded into one. */
    private static List<String> attemptsWithRetriesFolded(List<SlackFaults.Post> attempts) {
        List<String> folded = new ArrayList<>();
        boolean lastAccepted = true;
        for (SlackFaults.Post attempt : attempts) {
            if (lastAccepted || !attempt.text().equals(folded.get(folded.size() - 1))) {
                folded.add(attempt.text());
            }
            lastAccepted = attempt.accepted();
        }
        return folded;
    }

    private static void workspace(WireMockServer slack) {
        slack.resetAll();
        SlackApiStandIn.stubAuthTest(slack);
        slack.stubFor(post(urlMatching("/api/(?!auth\\.test).*")).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse().withTransformers(SlackFaults.NAME)));
    }
}
