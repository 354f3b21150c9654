package dev.warroom.incident;

import dev.warroom.support.ScenarioTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.warroom.support.LocalChatClient.lastBotText;
import static dev.warroom.support.LocalChatClient.say;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restricted incident (identity-service's {@code token-leak}) in chat: outside its channel, only its responders and
 * escalation levels see it in {@code list} or can name it; to anyone else it does not exist, as on the pages.
 */
@QuarkusTest
class RestrictedIncidentsInChatTest extends ScenarioTest {

    static final String CHANNEL = "inc-1-signing-key-in-a-public-repo";
    static final String REFUND_DELAYS = "INC-2 · payments-api · low · detection · Alice Smith — Refund delays (#inc-2-refund-delays)";

    @BeforeEach
    void oneRestrictedIncidentAndOneOrdinary() {
        say("zoe", "general", "/incident declare identity-service high type=token-leak Signing key in a public repo");
        say("zoe", "general", "/incident declare payments-api low Refund delays");
    }

    @Test
    void listShowsARestrictedIncidentOnlyToItsRespondersAndEscalationLevels() {
        say("alice", "general", "/incident list"); // in the identity plan, but no responder there
        assertThat(lastBotText("general")).isEqualTo("*Open incidents*\n" + REFUND_DELAYS);
        say("zoe", "general", "/incident list"); // in no plan
        assertThat(lastBotText("general")).isEqualTo("*Open incidents*\n" + REFUND_DELAYS);

        say("judy", "general", "/incident list"); // identity-service's communications liaison
        assertThat(lastBotText("general")).isEqualTo("*Open incidents*\nINC-1 · identity-service · high · detection · "
                + "Grace Hopkins — Signing key in a public repo (#" + CHANNEL + ")\n" + REFUND_DELAYS);
    }

    @Test
    void aRestrictedIncidentNamedFromElsewhereIsUnknownToOthersAndNothingChanges() {
        say("alice", "general", "/incident status INC-1");
        assertThat(lastBotText("general")).isEqualTo("There is no incident INC-1. See `list` for open incidents.");
        say("zoe", "@zoe", "lesson INC-1 Rotate keys faster");
        assertThat(lastBotText("@zoe")).isEqualTo("There is no incident INC-1. See `list` for open incidents.");
        assertThat(incident("INC-1").getList("lessons")).isEmpty();

        say("judy", "general", "/incident status INC-1");
        assertThat(lastBotText("general")).startsWith("*INC-1 · identity-service · HIGH — Signing key in a public repo*");
        say("zoe", CHANNEL, "/incident status INC-1"); // whoever is in its channel is part of the response
        assertThat(lastBotText(CHANNEL)).startsWith("*INC-1 · identity-service · HIGH — Signing key in a public repo*");
        say("alice", "general", "/incident status INC-2");
        assertThat(lastBotText("general")).startsWith("*INC-2 · payments-api · LOW — Refund delays*");
    }
}
