package dev.warroom.incident;

import dev.warroom.support.ScenarioTest;
import dev.warroom.support.TimerClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.warroom.support.LocalChatClient.botTexts;
import static dev.warroom.support.LocalChatClient.lastBotText;
import static dev.warroom.support.LocalChatClient.say;
import static org.assertj.core.api.Assertions.assertThat;

/** Phase targets, status-update reminders and lessons-learned reminders: due when the plan says, cleared in time. */
@QuarkusTest
class ReminderTimersTest extends ScenarioTest {

    static final String CHANNEL = "inc-1-checkout-failing";
    static final String INC_1 = "1";

    @Inject
    TimerClock timers;

    private static Instant at(String dateTime) {
        return Instant.parse(dateTime.length() == 5 ? "2026-11-25T" + dateTime + ":00Z" : dateTime);
    }

    /** A high incident, acknowledged at once so the acknowledgement timer stays out of the way. */
    private static void declareAndAck() {
        say("zoe", "general", "/incident declare payments-api high Checkout failing");
        say("alice", CHANNEL, "/incident ack");
    }

    @Test
    void aPhaseNotLeftWithinItsTargetEscalates() {
        declareAndAck();
        clock.set(at("09:10"));
        say("alice", CHANNEL, "/incident phase containment");
        assertThat(timers.nextFire(IncidentTimers.PHASE_TARGET, INC_1)).contains(at("10:10"));
        say("alice", CHANNEL, "/incident update Failing over");

        timers.at(at("10:09"));
        assertThat(botTexts(CHANNEL)).noneMatch(text -> text.contains("breached"));
        timers.at(at("10:10"));

        assertThat(lastBotText(CHANNEL)).isEqualTo(
                "containment target 1h breached — escalating to level 2: Payments engineering leads");
        assertThat(incident("INC-1").getList("timeline.details", String.class)).contains("containment target 1h breached.");
    }

    @Test
    void leavingAPhaseInTimeClearsItsTarget() {
        declareAndAck();
        clock.set(at("09:01"));
        say("alice", CHANNEL, "/incident phase analysis");
        clock.set(at("09:10"));
        say("alice", CHANNEL, "/incident phase containment");

        timers.at(at("09:20"));

        assertThat(botTexts(CHANNEL)).noneMatch(text -> text.contains("target") && text.contains("breached"));
        assertThat(incident("INC-1").getInt("incident.escalationLevel")).isEqualTo(1);
    }

    @Test
    void aMissedStatusUpdateRemindsTheManagerAndASecondMissEscalates() {
        declareAndAck();

        assertThat(timers.at(at("09:29"))).isZero();
        timers.at(at("09:30"));
        String reminder = "⏰ INC-1 needs a status update: none for 30m. Alice Smith, please post one: `update INC-1 <text>`";
        assertThat(lastBotText(CHANNEL)).isEqualTo(reminder);
        assertThat(lastBotText("@alice")).isEqualTo(reminder);
        assertThat(incident("INC-1").getInt("incident.escalationLevel")).isEqualTo(1);

        timers.at(at("10:00"));
        assertThat(lastBotText(CHANNEL)).isEqualTo("No status update for 1h — escalating to level 2: Payments engineering leads");
        assertThat(lastBotText("@alice")).isEqualTo(
                "⏰ INC-1 needs a status update: none for 1h. Alice Smith, please post one: `update INC-1 <text>`");
        assertThat(timelineTypes("INC-1")).filteredOn("update_missed"::equals).hasSize(2);
    }

    @Test
    void anUpdateStartsTheReminderAgain() {
        declareAndAck();
        clock.set(at("09:20"));
        say("alice", CHANNEL, "/incident update Failover under way");

        assertThat(timers.at(at("09:49"))).isZero();
        timers.at(at("09:50"));
        assertThat(lastBotText(CHANNEL)).isEqualTo(
                "⏰ INC-1 needs a status update: none for 30m. Alice Smith, please post one: `update INC-1 <text>`");

        clock.set(at("10:05"));
        say("alice", CHANNEL, "/incident update Recovered in the secondary region");
        timers.at(at("10:35")); // one miss after the update, not the second in a row
        assertThat(incident("INC-1").getInt("incident.escalationLevel")).isEqualTo(1);
    }

    @Test
    void aResolvedIncidentIsRemindedOfItsLessonsDailyUntilClosed() {
        declareAndAck();
        clock.set(at("10:00"));
        say("alice", CHANNEL, "/incident resolve Failed over");
        assertThat(timers.nextFire(IncidentTimers.UPDATE, INC_1)).isEmpty();
        assertThat(timers.nextFire(IncidentTimers.LESSONS, INC_1)).contains(at("2026-11-26T10:00:00Z"));

        timers.at(at("2026-11-26T10:00:00Z"));
        String reminder = "📝 INC-1 is resolved but not closed: add lessons with `lesson INC-1 <text>`, then `report`, `report approve` and `close`.";
        assertThat(lastBotText(CHANNEL)).isEqualTo(reminder);
        assertThat(lastBotText("@alice")).isEqualTo(reminder);
        timers.at(at("2026-11-27T10:00:00Z"));
        assertThat(botTexts(CHANNEL)).filteredOn(reminder::equals).hasSize(2);

        say("alice", CHANNEL, "/incident report approve");
        say("alice", CHANNEL, "/incident close");
        assertThat(timers.at(at("2026-11-30T10:00:00Z"))).isZero();
        assertThat(botTexts(CHANNEL)).filteredOn(reminder::equals).hasSize(2);
        assertThat(incident("INC-1").getList("timers", Object.class)).isEmpty();
    }
}
