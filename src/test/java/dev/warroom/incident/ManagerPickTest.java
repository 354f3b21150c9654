package dev.warroom.incident;

import dev.warroom.support.ScenarioTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.warroom.support.LocalChatClient.botTexts;
import static dev.warroom.support.LocalChatClient.lastBotText;
import static dev.warroom.support.LocalChatClient.say;
import static org.assertj.core.api.Assertions.assertThat;

/** Who becomes incident manager: free people first, the least recently assigned of them, else nobody. */
@QuarkusTest
class ManagerPickTest extends ScenarioTest {

    @Test
    void theLeastRecentlyAssignedFreePersonIsPicked() {
        declareAndClose("First", "alice");
        declareAndClose("Second", "bob");
        declareAndClose("Third", "carol");

        say("zoe", "general", "/incident declare payments-api low Fourth");

        // Everyone is free again; alice was assigned longest ago.
        assertThat(incident("INC-4").getString("incident.manager")).isEqualTo("alice");
        assertThat(incident("INC-4").getList("timeline.details", String.class)).contains(
                "Alice Smith is incident manager (least recently assigned of those available).");
    }

    @Test
    void whenEveryEligiblePersonIsBusyNobodyIsPickedAndTheChannelIsTold() {
        say("zoe", "general", "/incident declare payments-api low One");
        say("zoe", "general", "/incident declare payments-api low Two");
        say("zoe", "general", "/incident declare payments-api low Three");

        say("zoe", "general", "/incident declare payments-api high Four");

        String explanation = "No eligible incident manager is available. Skipped: Alice Smith manages INC-1; "
                + "Bob Jones manages INC-2; Carol White manages INC-3.";
        assertThat(botTexts("inc-4-four").get(1)).isEqualTo("⚠ " + explanation
                + " Hand the incident to someone with `handover <@person>` or `escalate <reason>`.");
        assertThat(lastBotText("general")).isEqualTo("INC-4 declared: payments-api high — Four. "
                + "Incident manager: nobody yet. Channel: #inc-4-four");
        assertThat(incident("INC-4").getString("incident.manager")).isNull();
        assertThat(incident("INC-4").getList("timeline.findAll { it.type == 'no_manager_available' }.details", String.class))
                .containsExactly(explanation);

        say("bob", "inc-4-four", "/incident handover @alice");
        assertThat(incident("INC-4").getString("incident.manager")).isEqualTo("alice");
        assertThat(lastBotText("@alice")).startsWith("You are incident manager of INC-4 (payments-api high): Four.");
    }

    private void declareAndClose(String title, String expectedManager) {
        say("zoe", "general", "/incident declare payments-api low " + title);
        String key = lastBotText("general").split(" ")[0];
        String channel = "inc-" + key.substring(4) + "-" + title.toLowerCase();
        assertThat(incident(key).getString("incident.manager")).isEqualTo(expectedManager);
        say(expectedManager, channel, "/incident resolve done");
        say(expectedManager, channel, "/incident close");
        assertThat(incident(key).getString("incident.phase")).isEqualTo("closed");
        clock.advance(Duration.ofMinutes(5));
    }
}
