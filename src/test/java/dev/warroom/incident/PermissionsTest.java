package dev.warroom.incident;

import dev.warroom.support.ScenarioTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static dev.warroom.support.LocalChatClient.lastBotText;
import static dev.warroom.support.LocalChatClient.say;
import static org.assertj.core.api.Assertions.assertThat;

/** Each command refused for lack of a role: the refusal names who may, is recorded, and changes nothing. */
@QuarkusTest
class PermissionsTest extends ScenarioTest {

    static final String CHANNEL = "inc-1-checkout-failing";
    static final String RESPONDERS = "Only the incident manager (Alice Smith) or someone holding a role in INC-1 may ";
    static final String LEADERS = "Only the incident manager (Alice Smith) or someone on an escalation level "
            + "(Alice Smith, Bob Jones, Carol White, Dave Brown) may ";

    @BeforeEach
    void declare() {
        say("zoe", "general", "/incident declare payments-api high Checkout failing");
    }

    @ParameterizedTest(name = "{0} may not ack")
    @CsvSource({"bob", "zoe", "dave"})
    void onlyTheManagerAcknowledges(String user) {
        say(user, CHANNEL, "/incident ack");

        assertThat(lastBotText(CHANNEL)).isEqualTo("Only the incident manager (Alice Smith) may `ack` INC-1.");
        assertThat(incident("INC-1").getString("incident.acknowledgedAt")).isNull();
        assertRefusalRecorded(user, "`/incident ack`: Only the incident manager (Alice Smith) may `ack` INC-1.");
    }

    @ParameterizedTest(name = "zoe (no role) may not {0}")
    @CsvSource(delimiter = '|', value = {
            "done 1|done", "skip 1 not needed|skip", "phase analysis|phase", "update all good|update",
            "escalate need help|escalate", "forensics odd binaries|forensics", "resolve it is fine|resolve"})
    void strangersCannotWorkTheIncident(String command, String verb) {
        say("zoe", CHANNEL, "/incident " + command);

        assertThat(lastBotText(CHANNEL)).isEqualTo(RESPONDERS + "`" + verb + "`.");
        assertThat(incident("INC-1").getString("incident.phase")).isEqualTo("detection");
        assertThat(incident("INC-1").getList("steps.status", String.class)).containsOnly("open");
        assertThat(incident("INC-1").getInt("incident.escalationLevel")).isEqualTo(1);
        assertRefusalRecorded("zoe", "`/incident " + command + "`: " + RESPONDERS + "`" + verb + "`.");
    }

    @ParameterizedTest(name = "frank (a responder, on no escalation level) may not {0}")
    @CsvSource(delimiter = '|', value = {"handover @bob|handover", "assign technical-expert @dave|assign"})
    void respondersCannotChangeTheLead(String command, String verb) {
        say("frank", CHANNEL, "/incident " + command);

        assertThat(lastBotText(CHANNEL)).isEqualTo(LEADERS + "`" + verb + "` INC-1.");
        assertThat(incident("INC-1").getString("incident.manager")).isEqualTo("alice");
        assertThat(incident("INC-1").getList("roles.findAll { it.role == 'technical-expert' }.person", String.class))
                .containsExactly("bob", "carol", "frank");
        assertRefusalRecorded("frank", "`/incident " + command + "`: " + LEADERS + "`" + verb + "` INC-1.");
    }

    @Test
    void respondersCannotClose() {
        say("alice", CHANNEL, "/incident resolve Rolled back the release");
        say("frank", CHANNEL, "/incident close");

        assertThat(lastBotText(CHANNEL)).isEqualTo(LEADERS + "`close` INC-1.");
        assertThat(incident("INC-1").getString("incident.phase")).isEqualTo("resolved");
        assertRefusalRecorded("frank", "`/incident close`: " + LEADERS + "`close` INC-1.");
    }

    @Test
    void anEscalationLevelPersonMayHandOver() {
        say("bob", CHANNEL, "/incident handover @carol");

        assertThat(lastBotText(CHANNEL)).isEqualTo("Incident manager of INC-1 handed over from Alice Smith to "
                + "Carol White. Carol White, please acknowledge with `ack`.");
        assertThat(incident("INC-1").getString("incident.manager")).isEqualTo("carol");
    }

    private void assertRefusalRecorded(String actor, String details) {
        var timeline = incident("INC-1").getList("timeline.findAll { it.type == 'refused' }", java.util.Map.class);
        assertThat(timeline).hasSize(1);
        assertThat(timeline.get(0).get("actor")).isEqualTo(actor);
        assertThat(timeline.get(0).get("details")).isEqualTo(details);
    }
}
