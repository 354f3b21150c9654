package dev.warroom.chat;

import dev.warroom.support.ScenarioTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Work stored by many requests at once, in shared commits: each request's id is its own row's, in PostgreSQL. */
@QuarkusTest
class ChatInboxStoreTest extends ScenarioTest {

    private static final int REQUESTS = 60;

    @Inject
    ChatInbox inbox;
    @Inject
    EntityManager entityManager;

    @Test
    void sixtyRequestsStoringAtOnceEachGetTheIdOfTheirOwnRow() throws Exception {
        ExecutorService requests = Executors.newFixedThreadPool(REQUESTS);
        CountDownLatch ready = new CountDownLatch(REQUESTS);
        try {
            List<InboxWork> works = new ArrayList<>();
            List<Future<ChatInbox.Stored>> stored = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                InboxWork work = InboxWork.of("slack.command", "text", "status INC-" + i, "user", "U0" + i);
                works.add(work);
                stored.add(requests.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return inbox.store(work);
                }));
            }

            Map<Long, String> expected = new HashMap<>();
            for (int i = 0; i < REQUESTS; i++) {
                ChatInbox.Stored mine = stored.get(i).get(30, TimeUnit.SECONDS);
                expected.put(mine.id(), "{\"text\":\"status INC-" + i + "\",\"user\":\"U0" + i + "\"}");
                assertThat(mine.work()).isEqualTo(works.get(i)); // what waits in the queue reads back as given
            }
            assertThat(storedPayloads()).isEqualTo(expected);
        } finally {
            requests.shutdownNow();
        }
    }

    @Test
    void storedWorkIsStampedWithTheTimeItWasReceived() {
        long id = inbox.store(InboxWork.of("slack.command", "text", "help")).id();

        Object[] row = (Object[]) QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select kind, to_char(received_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                        + " from chat_inbox where id = ?1").setParameter(1, id).getSingleResult());
        assertThat(row).containsExactly("slack.command", "2026-11-25T09:00:00Z");
    }

    @Test
    void workThatCannotBeStoredIsRefusedWithTheDatabasesReasonAndLeavesNoRow() {
        InboxWork tooLongKind = InboxWork.of("slack." + "x".repeat(40), "text", "help");

        assertThatThrownBy(() -> inbox.store(tooLongKind))
                .isInstanceOf(ChatWorkNotStored.class)
                .hasMessage(ChatWorkNotStored.MESSAGE)
                .cause().hasMessageContaining("chat work could not be stored")
                .hasMessageContaining("value too long for type character varying(40)");
        assertThat(storedPayloads()).isEmpty();
    }

    @Test
    void storingInsideATransactionIsRefusedSoTheAckNeverWaitsForSomeoneElsesCommit() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(
                () -> inbox.store(InboxWork.of("slack.command", "text", "help"))))
                .hasMessageContaining("the chat inbox commits on its own: call it outside a transaction");
        assertThat(storedPayloads()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private Map<Long, String> storedPayloads() {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select id, payload from chat_inbox").getResultList());
        Map<Long, String> payloads = new HashMap<>();
        for (Object[] row : rows) {
            payloads.put(((Number) row[0]).longValue(), (String) row[1]);
        }
        return payloads;
    }
}
