package dev.warroom.ops;

import dev.warroom.chat.ShuttingDown;
import dev.warroom.notify.OutboxMessage;
import dev.warroom.support.ScenarioTest;
import dev.warroom.support.SchedulerRunningProfile;
import dev.warroom.support.SlackChat;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.quartz.Scheduler;

import static dev.warroom.support.MetricsText.sample;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * With Quartz running as in production: readiness follows the scheduler; and once shutdown has begun, Slack requests
 * are refused with 503 and Retry-After so Slack sends them to another instance (the last test: this app then takes
 * no chat request any more).
 */
@QuarkusTest
@TestProfile(SchedulerRunningProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchedulerReadinessAndShutdownTest extends ScenarioTest {

    @Inject
    Scheduler quartz;
    @Inject
    BeanManager beans;

    @Test
    @Order(1)
    void readinessIsDownWhileTheTimerSchedulerStandsStill() throws Exception {
        assertThat(timerCheck(200)).isEqualTo("UP started");

        quartz.standby();
        try {
            assertThat(timerCheck(503)).isEqualTo("DOWN standby");
        } finally {
            quartz.start();
        }
        assertThat(timerCheck(200)).isEqualTo("UP started");
    }

    @Test
    @Order(2)
    void onceShutdownBeginsSlackRequestsAreRefusedAndNothingIsStored() {
        SlackChat chat = new SlackChat(clock).answeringAsUsual();
        String stopping = "platform=\"slack\",reason=\"stopping\"";
        double refused = sample("warroom_chat_requests_refused_total", stopping);

        beans.getEvent().select(ShutdownDelayInitiatedEvent.class).fire(new ShutdownDelayInitiatedEvent());

        chat.slash("U01ALICE", "declare payments-api high Checkout failing", "trigger-1").statusCode(503)
                .header("Retry-After", "1").body("error", equalTo(ShuttingDown.MESSAGE));
        assertThat(given().get("/api/incidents").jsonPath().getList("$")).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().<Long>call(() -> OutboxMessage.count())).isZero();
        assertThat(chat.calls()).isEmpty();
        assertThat(sample("warroom_chat_requests_refused_total", stopping)).isEqualTo(refused + 1);
    }

    /** The timer scheduler check's status and state, from a readiness answer with this HTTP status. */
    private static String timerCheck(int status) {
        JsonPath ready = given().get("/q/health/ready").then().statusCode(status).extract().jsonPath();
        String check = "checks.find { it.name == 'timer scheduler' }";
        return ready.getString(check + ".status") + " " + ready.getString(check + ".data.state");
    }
}
