package dev.warroom.timer;

import dev.warroom.plan.PlanRegistry;
import dev.warroom.review.PlanReviewReminders;
import dev.warroom.support.ScenarioTest;
import dev.warroom.support.TimerClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.warroom.support.LocalChatClient.lastBotText;
import static dev.warroom.support.LocalChatClient.say;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A plan past reviewed + review_every (payments-api: 2026-10-01 + 90d) is stale, and its owner is reminded weekly. */
@QuarkusTest
class PlanReviewReminderTest extends ScenarioTest {

    static final String REMINDER = "📋 The payments-api plan is stale: its review was due 2026-12-30. Please review it "
            + "and update `reviewed` in its manifest.";

    @Inject
    TimerClock timers;
    @Inject
    PlanRegistry plans;
    @Inject
    EntityManager entityManager;

    /** The plan reminders queued for a person, on whichever platform reaches them (Slack here, for alice). */
    private List<String> remindersTo(String person) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "select platform || ': ' || (cast(body as jsonb) ->> 'text') from outbox_message "
                                + "where destination_kind = 'PERSON' and destination = ?1 and body like '%plan is stale%' order by id",
                        String.class)
                .setParameter(1, person).getResultList());
    }

    @Test
    void theOwnerIsRemindedTheDayAfterTheReviewDateThenWeekly() {
        plans.reload();
        assertThat(timers.nextFire(PlanReviewReminders.KIND, "payments-api")).contains(Instant.parse("2026-12-31T00:00:00Z"));
        timers.at(Instant.parse("2026-12-30T23:59:00Z"));
        assertThat(remindersTo("alice")).isEmpty();

        timers.at(Instant.parse("2026-12-31T00:00:00Z"));
        assertThat(remindersTo("alice")).containsExactly("slack: " + REMINDER);
        say("zoe", "general", "/incident plans");
        assertThat(lastBotText("general")).contains("payments-api — ⚠ stale: review was due 2026-12-30 (owner Alice Smith)");
        assertThat(given().get("/api/plans").then().extract().jsonPath()
                .getBoolean("find { it.service == 'payments-api' }.stale")).isTrue();

        plans.reload(); // a reload (a file changed, a restart) does not remind again
        timers.advance(Duration.ofDays(6));
        assertThat(remindersTo("alice")).hasSize(1);
        timers.advance(Duration.ofDays(1));
        assertThat(remindersTo("alice")).containsExactly("slack: " + REMINDER, "slack: " + REMINDER);
    }

    @Test
    void afterDowntimeAMissedReminderComesOnceNotOncePerMissedWeek() {
        plans.reload();

        timers.at(Instant.parse("2027-01-30T12:00:00Z"));

        assertThat(remindersTo("alice")).containsExactly("slack: " + REMINDER);
        assertThat(timers.nextFire(PlanReviewReminders.KIND, "payments-api")).contains(Instant.parse("2027-02-04T00:00:00Z"));
    }
}
