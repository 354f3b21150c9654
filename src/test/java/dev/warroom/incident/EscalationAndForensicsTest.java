package dev.warroom.incident;

import dev.warroom.support.ScenarioTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static dev.warroom.support.LocalChatClient.lastBotText;
import static dev.warroom.support.LocalChatClient.say;
import static org.assertj.core.api.Assertions.assertThat;

/** Escalation pages the next level; forensics engages the plan's forensic role; assign adds a role holder. */
@QuarkusTest
class EscalationAndForensicsTest extends ScenarioTest {

    static final String CHANNEL = "inc-1-card-data-leak";

    @Test
    void escalationPagesEachLevelInTurnThenRepeatsTheTop() {
        say("zoe", "general", "/incident declare payments-api high type=security-breach Card data leak");

        say("alice", CHANNEL, "/incident escalate cannot contain alone");
        assertThat(lastBotText(CHANNEL)).isEqualTo("⬆ INC-1 escalated to level 2, Payments engineering leads by "
                + "Alice Smith. Paged: Bob Jones, Carol White. Reason: cannot contain alone");
        assertThat(lastBotText("@carol")).isEqualTo("⬆ INC-1 · payments-api · HIGH — Card data leak is escalated to you "
                + "(level 2, Payments engineering leads) by Alice Smith. Reason: cannot contain alone. Channel: #"
                + CHANNEL + "\n_You are told as escalation level 2, Payments engineering leads._");

        say("bob", CHANNEL, "/incident escalate suspected data breach");
        assertThat(lastBotText(CHANNEL)).isEqualTo("⬆ INC-1 escalated to level 3, Major Incident Team by Bob Jones. "
                + "Paged: Dave Brown, Head of Payments. Reason: suspected data breach");
        assertThat(lastBotText("@head-of-payments")).startsWith("⬆ INC-1 · payments-api · HIGH — Card data leak is "
                + "escalated to you (level 3, Major Incident Team)");

        say("alice", CHANNEL, "/incident escalate still leaking");
        assertThat(lastBotText(CHANNEL)).isEqualTo("⬆ INC-1 is at the highest escalation level (level 3, Major "
                + "Incident Team); paged again (1 of 2): Dave Brown, Head of Payments. Reason: still leaking");
        assertThat(incident("INC-1").getInt("incident.escalationLevel")).isEqualTo(3);
        assertThat(timelineTypes("INC-1")).filteredOn("escalated"::equals).hasSize(3);
    }

    @Test
    void forensicsEngagesTheForensicRole() {
        say("zoe", "general", "/incident declare payments-api high type=security-breach Card data leak");

        say("bob", CHANNEL, "/incident forensics unexpected binaries on payment hosts");

        assertThat(lastBotText(CHANNEL)).isEqualTo("🔎 Forensic investigation invoked on INC-1: unexpected binaries on "
                + "payment hosts. forensic-lead engaged: Frank Black. Criteria in the plan: Suspected unauthorised "
                + "access or data exfiltration; Malware or unexpected binaries on payment hosts; Evidence that logs "
                + "were tampered with.");
        assertThat(lastBotText("@frank")).isEqualTo("🔎 Forensic investigation is invoked on INC-1 · payments-api · "
                + "HIGH — Card data leak by Bob Jones. Reason: unexpected binaries on payment hosts. Preserve evidence "
                + "first. Channel: #" + CHANNEL + "\n_You are told as forensic-lead, forensic investigation._");
        assertThat(incident("INC-1").getList("timeline.details", String.class))
                .contains("unexpected binaries on payment hosts (engaged: Frank Black)");
    }

    @Test
    void assignGivesARoleAndTellsThePerson() {
        say("zoe", "general", "/incident declare Payments-API high Card data leak");

        say("alice", CHANNEL, "/incident assign Forensic-Lead @Carol"); // as typed on a phone

        assertThat(lastBotText(CHANNEL)).isEqualTo("Carol White is now forensic-lead in INC-1 (assigned by Alice Smith).");
        assertThat(lastBotText("@carol")).isEqualTo("You are now forensic-lead in INC-1 · payments-api · HIGH — "
                + "Card data leak. Channel: #" + CHANNEL);
        assertThat(incident("INC-1").getList("roles.findAll { it.role == 'forensic-lead' }.person", String.class))
                .containsExactly("frank", "carol");
        say("alice", CHANNEL, "/incident assign forensic-lead carol");
        assertThat(lastBotText(CHANNEL)).isEqualTo("Carol White already holds forensic-lead in INC-1.");
    }
}
