package dev.warroom.incident;

import dev.warroom.support.DrillsTellStakeholdersProfile;
import dev.warroom.support.ScenarioTest;
import dev.warroom.support.SmtpServerStandIn;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static dev.warroom.support.LocalChatClient.lastBotText;
import static dev.warroom.support.LocalChatClient.say;
import static org.assertj.core.api.Assertions.assertThat;

/** A plan with {@code drills: {notify_stakeholders: true}}: its drills tell stakeholders as a real incident would. */
@QuarkusTest
@TestProfile(DrillsTellStakeholdersProfile.class)
class DrillTellingStakeholdersTest extends ScenarioTest {

    static final String CHANNEL = "inc-1-practice-outage";

    @Test
    void stakeholdersAreToldAndPagedWhenThePlanSaysSo() throws Exception {
        SmtpServerStandIn.forget();
        say("zoe", "general", "/incident drill payments-api high outage");

        String declared = "[DRILL] INC-1 declared: payments-api high — Practice outage. Incident manager: Alice Smith. "
                + "Channel: #" + CHANNEL;
        assertThat(lastBotText("@head-of-payments")).isEqualTo(declared
                + "\n_You are told as internal stakeholder, told by communications-liaison._");
        assertThat(lastBotText("@card-processor-noc")).isEqualTo(declared
                + "\n_You are told as external stakeholder, told by communications-liaison._");

        say("alice", CHANNEL, "/incident escalate practising level 2");
        say("alice", CHANNEL, "/incident escalate practising level 3");
        assertThat(lastBotText(CHANNEL)).isEqualTo("[DRILL] ⬆ INC-1 escalated to level 3, Major Incident Team by Alice "
                + "Smith. Paged: Dave Brown, Head of Payments. Reason: practising level 3");
        assertThat(DrillTest.emails()).contains(
                "head-payments@example.com: [DRILL] [INC-1] high · payments-api — escalated to you");
        assertThat(timelineTypes("INC-1")).doesNotContain("drill_not_notified");
    }
}
