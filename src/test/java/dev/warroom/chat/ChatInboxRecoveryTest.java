package dev.warroom.chat;

import dev.warroom.support.Eventually;
import dev.warroom.support.FullWorkQueue;
import dev.warroom.support.InlineAcknowledgedWork;
import dev.warroom.support.ScenarioTest;
import dev.warroom.support.SlackChat;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work of an acknowledged chat request is stored before the acknowledgement: when its instance dies before running
 * it, the work is run again a minute later (by any instance), once.
 */
@QuarkusTest
class ChatInboxRecoveryTest extends ScenarioTest {

    private static final InboxWork DECLARE = InboxWork.of("slack.command", "text",
            "declare payments-api high Checkout failing", "user", "U01ALICE", "userName", "alice",
            "channel", "C0GENERAL", "requestId", "slack:trigger-lost-1");

    @Inject
    ChatInbox inbox;
    @Inject
    ChatInboxRecovery recovery;
    @Inject
    EntityManager entityManager;
    @Inject
    InlineAcknowledgedWork work;

    private SlackChat slack;

    @BeforeEach
    void slackAnswers() {
        slack = new SlackChat(clock).answeringAsUsual();
    }

    @Test
    void workLeftByADeadInstanceIsRunAMinuteLaterOnce() {
        inbox.store(DECLARE); // acknowledged, then the instance died before its work ran

        assertThat(recovery.runLeftWork()).isZero(); // it may still be running elsewhere
        clock.advance(Duration.ofSeconds(59));
        assertThat(recovery.runLeftWork()).isZero();
        assertThat(incidentKeys()).isEmpty();

        clock.advance(Duration.ofSeconds(2));
        assertThat(recovery.runLeftWork()).isEqualTo(1);
        assertThat(incidentKeys()).containsExactly("INC-1");
        assertThat(incident("INC-1").getString("incident.title")).isEqualTo("Checkout failing");
        assertThat(storedWork()).isZero();

        clock.advance(Duration.ofMinutes(5));
        assertThat(recovery.runLeftWork()).isZero();
        assertThat(incidentKeys()).containsExactly("INC-1");
    }

    @Test
    void workRunTwiceDoesItsCommandOnce() {
        // The instance ran the command, then died before it could remove the stored work.
        inbox.store(DECLARE);
        inbox.store(DECLARE);
        clock.advance(Duration.ofMinutes(2));

        assertThat(recovery.runLeftWork()).isEqualTo(2);

        assertThat(incidentKeys()).containsExactly("INC-1");
        assertThat(storedWork()).isZero();
    }

    @Test
    void workWaitingLongInALiveInstancesQueueIsLeftToThatInstance() throws Exception {
        try (FullWorkQueue busy = FullWorkQueue.busyThread(work)) {
            work.submit(DECLARE); // stored, acknowledged, and waiting behind a long task
            String received = receivedAt();
            clock.advance(Duration.ofSeconds(15));
            assertThat(recovery.runLeftWork()).isZero();
            assertThat(receivedAt()).isEqualTo(received); // stamped 15 s ago: not rewritten at every scan

            clock.advance(Duration.ofSeconds(35));
            assertThat(recovery.runLeftWork()).isZero(); // this instance's scan vouches for the work it holds

            clock.advance(Duration.ofSeconds(50));
            // Another instance's scan, 100 s after the request: the work is still held here.
            assertThat(inbox.takeLeftBefore(clock.instant().minus(ChatInboxRecovery.LEFT_AFTER), 100)).isEmpty();
            assertThat(storedWork()).isEqualTo(1);
        }
        Eventually.await("the queued declaration ran", () -> storedWork() == 0);
        assertThat(incidentKeys()).containsExactly("INC-1");
        assertThat(work.held()).isEmpty();
    }

    @Test
    void aSlackCommandsStoredWorkIsGoneOnceItRan() {
        slack.slash("U01ALICE", "declare payments-api high Checkout failing", "trigger-2").statusCode(200);

        assertThat(incidentKeys()).containsExactly("INC-1");
        assertThat(storedWork()).isZero();
    }

    private static List<String> incidentKeys() {
        return given().get("/api/incidents").jsonPath().getList("key", String.class);
    }

    private String receivedAt() {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select received_at::text from chat_inbox").getSingleResult());
    }

    private long storedWork() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from chat_inbox").getSingleResult()).longValue());
    }
}
