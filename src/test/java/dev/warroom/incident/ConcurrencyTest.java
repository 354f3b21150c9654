package dev.warroom.incident;

import dev.warroom.support.ScenarioTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.warroom.support.LocalChatClient.botTexts;
import static dev.warroom.support.LocalChatClient.say;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Two people pressing the same button, or one request delivered twice, change things once. */
@QuarkusTest
class ConcurrencyTest extends ScenarioTest {

    static final String CHANNEL = "inc-1-checkout-failing";

    @Test
    void theSameStepDoneByTwoPeopleAtOnceIsDoneOnce() throws Exception {
        say("zoe", "general", "/incident declare payments-api high Checkout failing");

        runTogether(List.of(
                () -> say("bob", CHANNEL, "/incident done 1"),
                () -> say("carol", CHANNEL, "/incident done 1")));

        assertThat(timelineTypes("INC-1")).filteredOn("step_done"::equals).hasSize(1);
        List<String> texts = botTexts(CHANNEL);
        assertThat(texts).filteredOn(t -> t.startsWith("☑ Step 1 done by")).hasSize(1);
        String winner = texts.stream().filter(t -> t.startsWith("☑ Step 1 done by")).findFirst().orElseThrow()
                .contains("Bob Jones") ? "Bob Jones" : "Carol White";
        assertThat(texts).contains("Step 1 of INC-1 is already done (" + winner + ", 09:00 UTC).");
    }

    @Test
    void aDeclareDeliveredTwiceCreatesOneIncident() throws Exception {
        Map<String, String> body = Map.of("channel", "general", "user", "zoe", "requestId", "req-42",
                "text", "/incident declare payments-api high Checkout failing");

        runTogether(List.of(() -> post(body), () -> post(body), () -> post(body)));
        post(body);

        given().get("/api/incidents").then().statusCode(200).extract().jsonPath().getList("key", String.class)
                .forEach(key -> assertThat(key).isEqualTo("INC-1"));
        assertThat(given().get("/api/incidents").jsonPath().getList("key")).hasSize(1);
        assertThat(botTexts("general")).containsExactly("INC-1 declared: payments-api high — Checkout failing. "
                + "Incident manager: Alice Smith. Channel: #inc-1-checkout-failing");
        assertThat(botTexts("@alice")).hasSize(1);
    }

    private static void post(Map<String, String> body) {
        given().contentType(ContentType.JSON).body(body).post("/api/local/messages").then().statusCode(200);
    }

    /** Starts every action at the same moment, waits for all, and rethrows the first failure. */
    private static void runTogether(List<Runnable> actions) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(actions.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Runnable action : actions) {
                running.add(pool.submit(() -> {
                    start.await();
                    action.run();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
