package dev.warroom.incident;

import dev.warroom.support.ScenarioTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.warroom.support.LocalChatClient.lastBotText;
import static dev.warroom.support.LocalChatClient.say;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A command with a mistake gets a one-line answer with the right form, and nothing changes. */
@QuarkusTest
class ChatMistakesTest extends ScenarioTest {

    static final String DECLARE = " Usage: `declare <service> <severity> [type=<incident-type>] <title…>`";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/incident declare billing high Down|No plan for service `billing`; services: identity-service, payments-api.",
            "/incident declare payments-api critical Down|`critical` is not a severity of payments-api; choose low, medium, high.",
            "/incident declare payments-api high type=fire Down|`fire` is not an incident type of payments-api; choose outage, degradation, security-breach.",
            "/incident declare payments-api high|`declare` needs a title."})
    void declareMistakesListTheChoices(String text, String answer) {
        say("zoe", "general", text);

        assertThat(lastBotText("general")).isEqualTo(answer + DECLARE);
        assertThat(given().get("/api/incidents").jsonPath().getList("$")).isEmpty();
    }

    @Test
    void aCommandOutsideAnIncidentChannelMustNameTheIncident() {
        say("bob", "general", "/incident done 1");

        assertThat(lastBotText("general")).isEqualTo(
                "Which incident? Name it, e.g. `status INC-12`, or type the command in the incident's channel.");
    }

    @Test
    void anUnknownIncidentIsNamed() {
        say("bob", "general", "/incident status INC-99");

        assertThat(lastBotText("general")).isEqualTo("There is no incident INC-99. See `list` for open incidents.");
    }

    @Test
    void stepsAndPhasesOutOfRangeAreExplained() {
        say("zoe", "general", "/incident declare payments-api high Checkout failing");
        String channel = "inc-1-checkout-failing";

        say("alice", channel, "/incident done 7");
        assertThat(lastBotText(channel)).isEqualTo("INC-1 has no step 7; steps are 1–2. See `steps`.");
        say("alice", channel, "/incident phase containment");
        say("alice", channel, "/incident phase analysis");
        assertThat(lastBotText(channel)).isEqualTo("INC-1 is in containment; phases only move forward: "
                + "detection → analysis → containment → eradication → recovery → resolved → closed.");
        say("alice", channel, "/incident phase resolved");
        assertThat(lastBotText(channel)).isEqualTo("Use `resolve <summary>` to resolve INC-1.");
        say("alice", channel, "/incident close");
        assertThat(lastBotText(channel)).isEqualTo("Resolve INC-1 first: `resolve <summary>`.");
        say("alice", channel, "/incident handover @dave");
        assertThat(lastBotText(channel)).isEqualTo(
                "Dave Brown is not eligible to manage payments-api incidents; eligible: Alice Smith, Bob Jones, Carol White.");
        say("alice", channel, "/incident assign pilot @dave");
        assertThat(lastBotText(channel)).isEqualTo("`pilot` is not a role of payments-api; roles: "
                + "communications-liaison, technical-expert, forensic-lead.");
        say("alice", channel, "/incident frobnicate");
        assertThat(lastBotText(channel)).startsWith("Unknown command `frobnicate`. Commands: declare, ack, status,");
        assertThat(timelineTypes("INC-1")).containsExactly("declared", "manager_assigned", "notified", "phase_changed");
    }

    @Test
    void helpExplainsEveryCommandAndOneCommand() {
        say("zoe", "general", "/incident help skip");
        assertThat(lastBotText("general")).isEqualTo("`skip <n> <reason…>` — Skip step n, with the reason.");
        say("zoe", "general", "/incident");
        assertThat(lastBotText("general")).startsWith("*Warroom commands* (type them after `/incident`):\n"
                + "`declare <service> <severity> [type=<incident-type>] <title…>` — Declare an incident");
    }

    @Test
    void listAndPlansAnswerAnywhere() {
        say("zoe", "general", "/incident declare payments-api high Checkout failing");
        say("zoe", "general", "/incident list");
        assertThat(lastBotText("general")).isEqualTo("*Open incidents*\nINC-1 · payments-api · high · detection · "
                + "Alice Smith — Checkout failing (#inc-1-checkout-failing)");
        say("zoe", "general", "/incident plans");
        assertThat(lastBotText("general")).startsWith("*Plans*\n");
        say("zoe", "general", "/incident plan payments-api");
        assertThat(lastBotText("general")).startsWith("*Payments API incident response plan* (`payments-api`)\n");
    }
}
