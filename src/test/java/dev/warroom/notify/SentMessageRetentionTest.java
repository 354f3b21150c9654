package dev.warroom.notify;

import dev.warroom.command.Message;
import dev.warroom.support.ScenarioTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.warroom.support.LocalChatClient.lastBotText;
import static dev.warroom.support.LocalChatClient.say;
import static org.assertj.core.api.Assertions.assertThat;

/** Delivered outbox messages are deleted after 30 days (the default); messages given up and pending ones stay. */
@QuarkusTest
class SentMessageRetentionTest extends ScenarioTest {

    private static final String CHANNEL = "inc-1-checkout-failing";

    @Inject
    SentMessageRetention retention;
    @Inject
    OutboxDispatcher dispatcher;
    @Inject
    Outbox outbox;

    @Test
    void deliveredMessagesAreDeletedOnceOlderThanThirtyDaysAndGivenUpOrWaitingOnesStay() {
        say("zoe", "general", "/incident declare payments-api high Checkout failing");
        dispatcher.deliverPending();
        Instant declared = clock.instant();
        int sentOnDeclare = sent().size();
        assertThat(sentOnDeclare).isPositive();
        long givenUp = store(OutboxMessage.Status.FAILED, declared);
        long waiting = store(OutboxMessage.Status.PENDING, declared.plus(Duration.ofDays(365)));

        clock.advance(Duration.ofDays(20));
        say("alice", "general", "/incident status INC-1");
        dispatcher.deliverPending();
        int sentLater = sent().size() - sentOnDeclare;
        assertThat(sentLater).isPositive();

        clock.advance(Duration.ofDays(10));
        assertThat(retention.prune()).as("exactly 30 days old: kept").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(retention.prune()).isEqualTo(sentOnDeclare);

        assertThat(sent()).hasSize(sentLater)
                .allSatisfy(message -> assertThat(message.sentAt).isEqualTo(declared.plus(Duration.ofDays(20))));
        assertThat(status(givenUp)).isEqualTo(OutboxMessage.Status.FAILED);
        assertThat(status(waiting)).isEqualTo(OutboxMessage.Status.PENDING);
        assertThat(retention.prune()).as("nothing more to delete").isZero();

        say("alice", CHANNEL, "/incident ack");
        dispatcher.deliverPending();
        assertThat(lastBotText(CHANNEL)).contains("acknowledged");
    }

    @Test
    void moreThanOneBatchIsDeletedInOnePrune() {
        say("zoe", "general", "/incident declare payments-api high Checkout failing");
        dispatcher.deliverPending();
        int sentOnDeclare = sent().size();
        assertThat(sentOnDeclare).isGreaterThan(4);

        clock.advance(Duration.ofDays(31));
        assertThat(retention.prune(2)).isEqualTo(sentOnDeclare);
        assertThat(sent()).isEmpty();
    }

    private static List<OutboxMessage> sent() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.list("status", OutboxMessage.Status.SENT));
    }

    private static OutboxMessage.Status status(long id) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>findById(id).status);
    }

    /** A message to a person on the local chat, written by the outbox, then given up or waiting until {@code next}. */
    private long store(OutboxMessage.Status status, Instant next) {
        return QuarkusTransaction.requiringNew().call(() -> {
            outbox.post("local", Destination.person("alice"), Message.text("Paged"), null);
            OutboxMessage message = OutboxMessage.<OutboxMessage>find("order by id desc").firstResult();
            message.status = status;
            message.nextAttemptAt = next;
            return message.id;
        });
    }
}
