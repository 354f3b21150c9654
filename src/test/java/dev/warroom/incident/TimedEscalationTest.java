package dev.warroom.incident;

import dev.warroom.support.ScenarioTest;
import dev.warroom.support.TestClock;
import dev.warroom.support.TimerClock;
import dev.warroom.timer.TimerFiring;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.warroom.support.LocalChatClient.botTexts;
import static dev.warroom.support.LocalChatClient.lastBotText;
import static dev.warroom.support.LocalChatClient.say;
import static org.assertj.core.api.Assertions.assertThat;

/** The acknowledgement timer and the escalation levels it climbs: next manager, level by level, repeat, then stop. */
@QuarkusTest
class TimedEscalationTest extends ScenarioTest {

    static final String CHANNEL = "inc-1-checkout-failing";
    static final String INC_1 = "1"; // the first incident's id: timers are about incidents by id

    @Inject
    TimerClock timers;
    @Inject
    TimerFiring firing;

    private static Instant at(String time) {
        return Instant.parse("2026-11-25T" + time + ":00Z");
    }

    private static void declare() {
        say("zoe", "general", "/incident declare payments-api high Checkout failing");
    }

    @Test
    void noAcknowledgementInTimeEscalatesAndHandsTheIncidentToTheNextManager() {
        declare();
        assertThat(timers.nextFire(IncidentTimers.ACK, INC_1)).contains(TestClock.START.plus(Duration.ofMinutes(5)));

        assertThat(timers.at(at("09:04"))).isZero();
        assertThat(timers.at(at("09:05"))).isEqualTo(1);

        assertThat(botTexts(CHANNEL)).containsSubsequence(
                "No acknowledgement from Alice Smith within 5m — escalating to level 2: Payments engineering leads",
                "Bob Jones is now incident manager of INC-1 (Alice Smith did not acknowledge). Bob Jones, please `ack` within 5m.");
        assertThat(botTexts("@carol")).contains("⬆ INC-1 · payments-api · HIGH — Checkout failing is escalated to you "
                + "(level 2, Payments engineering leads). Reason: No acknowledgement from Alice Smith within 5m. "
                + "Channel: #" + CHANNEL + "\n_You are told as escalation level 2, Payments engineering leads._");
        assertThat(lastBotText("@bob")).isEqualTo("You are incident manager of INC-1 (payments-api high): Checkout "
                + "failing. Acknowledge within 5m: `ack INC-1`. Channel: #" + CHANNEL);
        assertThat(incident("INC-1").getString("incident.manager")).isEqualTo("bob");
        assertThat(incident("INC-1").getInt("incident.escalationLevel")).isEqualTo(2);
        assertThat(timelineTypes("INC-1")).containsSubsequence("ack_missed", "escalated", "handover");
        assertThat(timers.nextFire(IncidentTimers.ACK, INC_1)).contains(at("09:10"));

        say("bob", CHANNEL, "/incident ack");
        assertThat(timers.nextFire(IncidentTimers.ACK, INC_1)).isEmpty();
        assertThat(timers.at(at("09:30"))).isEqualTo(1); // only the status-update reminder
        assertThat(incident("INC-1").getInt("incident.escalationLevel")).isEqualTo(2);
    }

    @Test
    void anAcknowledgementInTimeClearsTheTimer() {
        declare();
        clock.set(at("09:04"));
        say("alice", CHANNEL, "/incident ack");

        assertThat(timers.at(at("09:06"))).isZero();
        assertThat(botTexts(CHANNEL)).noneMatch(text -> text.startsWith("No acknowledgement"));
        assertThat(incident("INC-1").getInt("incident.escalationLevel")).isEqualTo(1);
    }

    @Test
    void aHandoverGivesTheNewManagerAFreshAcknowledgementTimer() {
        declare();
        clock.set(at("09:03"));
        say("alice", CHANNEL, "/incident handover @carol");

        assertThat(timers.nextFire(IncidentTimers.ACK, INC_1)).contains(at("09:08"));
        assertThat(timers.at(at("09:07"))).isZero();
        timers.at(at("09:08"));
        assertThat(botTexts(CHANNEL)).contains(
                "No acknowledgement from Carol White within 5m — escalating to level 2: Payments engineering leads");
    }

    @Test
    void escalationClimbsEveryLevelThenRepeatsTheLastThenStops() {
        declare();

        timers.at(at("09:05"));
        timers.at(at("09:10"));
        timers.at(at("09:15"));
        timers.at(at("09:20"));
        timers.at(at("09:25"));

        assertThat(botTexts(CHANNEL).stream().filter(t -> t.startsWith("No acknowledgement")).toList()).containsExactly(
                "No acknowledgement from Alice Smith within 5m — escalating to level 2: Payments engineering leads",
                "No acknowledgement from Bob Jones within 5m — escalating to level 3: Major Incident Team",
                "No acknowledgement from Carol White within 5m — paging level 3 again (1 of 2): Major Incident Team",
                "No acknowledgement from Alice Smith within 5m — paging level 3 again (2 of 2): Major Incident Team",
                "No acknowledgement from Bob Jones within 5m — escalation stopped: level 3 was paged again 2 times");
        assertThat(botTexts("@head-of-payments")).hasSize(1 + 3); // declared (chain), level 3, two repeats
        assertThat(timers.nextFire(IncidentTimers.ACK, INC_1)).isEmpty();
        assertThat(timelineTypes("INC-1")).filteredOn("escalated"::equals).hasSize(4);
        assertThat(timelineTypes("INC-1")).filteredOn("escalation_stopped"::equals).hasSize(1);

        say("carol", CHANNEL, "/incident escalate still down");
        assertThat(lastBotText(CHANNEL)).isEqualTo("INC-1 is at the highest escalation level (level 3, Major Incident "
                + "Team) and was paged again 2 times, as the plan's repeat says; nobody was paged. Reason: still down");
    }

    @Test
    void aTimerFiredTwiceActsOnce() {
        declare();
        Instant due = timers.nextFire(IncidentTimers.ACK, INC_1).orElseThrow();
        clock.set(due);

        assertThat(firing.fire(IncidentTimers.ACK, INC_1, due)).isTrue();
        List<String> afterFirst = botTexts(CHANNEL);
        List<String> bobAfterFirst = botTexts("@bob");
        assertThat(firing.fire(IncidentTimers.ACK, INC_1, due)).isFalse();

        assertThat(botTexts(CHANNEL)).isEqualTo(afterFirst);
        assertThat(botTexts("@bob")).isEqualTo(bobAfterFirst);
        assertThat(incident("INC-1").getInt("incident.escalationLevel")).isEqualTo(2);
        assertThat(timelineTypes("INC-1")).filteredOn("ack_missed"::equals).hasSize(1);
    }

    @Test
    void theStatusCardShowsTheTimersDue() {
        declare();
        clock.set(at("09:01"));
        say("alice", CHANNEL, "/incident phase analysis");

        say("zoe", CHANNEL, "/incident status");

        assertThat(lastBotText(CHANNEL)).contains("\nTimers due: ack by 09:05 UTC; analysis target 09:16 UTC; update by 09:30 UTC");
        assertThat(incident("INC-1").getList("timers.kind", String.class))
                .containsExactly("ack", "phase-target", "update-reminder");
        assertThat(timers.nextFire(IncidentTimers.PHASE_TARGET, INC_1)).isEqualTo(Optional.of(at("09:16")));
    }
}
