package dev.warroom.chat;

import dev.warroom.chat.slack.SlackRequests;
import dev.warroom.support.ScenarioTest;
import dev.warroom.support.SlackChat;
import dev.warroom.support.TeamsChat;
import dev.warroom.support.TeamsProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.warroom.support.TeamsChat.GENERAL;
import static dev.warroom.support.TeamsChat.message;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One core behind both platforms: Alice is {@code slack: U01ALICE} and {@code teams: <her AAD object id>} in the
 * payments-api plan, so an incident declared on Slack is hers to work from Teams, and Slack goes on after.
 */
@QuarkusTest
@TestProfile(TeamsProfile.class)
class OnePersonOnSlackAndTeamsTest extends ScenarioTest {

    SlackChat slack;
    TeamsChat teams;

    @BeforeEach
    void platformsAnswer() {
        slack = new SlackChat(clock).answeringAsUsual();
        teams = new TeamsChat().answeringAsUsual();
    }

    @Test
    void declaredOnSlackAcknowledgedAndUpdatedFromTeamsThenWorkedOnSlack() {
        slack.slash("U01ALICE", "declare payments-api high Checkout failing", "trigger-1").statusCode(200);
        clock.advance(Duration.ofMinutes(2));

        teams.send(message("<at>Warroom</at> incident ack INC-1")).statusCode(200);
        teams.send(message("<at>Warroom</at> incident update INC-1 Failover under way")).statusCode(200);
        clock.advance(Duration.ofMinutes(1));
        slack.signed(SlackRequests.blockActionBody("U01BOB", SlackChat.INCIDENT_CHANNEL, "done INC-1 1", "trigger-2"),
                SlackRequests.FORM).statusCode(200);

        JsonPath incident = incident("INC-1");
        assertThat(slack.calls()).startsWith("chat.postMessage", "conversations.create");
        assertThat(incident.getString("incident.acknowledgedAt")).isEqualTo("2026-11-25T09:02:00Z");
        List<String> actions = incident.getList("timeline.collect { it.actor + ' ' + it.type }", String.class);
        assertThat(actions).containsSubsequence("alice declared", "alice acknowledged", "alice status_update",
                "bob step_done");

        // Teams: Alice's commands are answered where she typed them.
        assertThat(teams.postedTo(GENERAL)).extracting(TeamsChat::says).containsExactly(
                "INC-1 acknowledged by Alice Smith (2m after declaration).",
                "📣 **Status update** on INC-1 from Alice Smith: Failover under way");
        // Slack: everything lands in the incident's channel there, and the cards Slack keeps are updated.
        assertThat(slack.textsTo(SlackChat.INCIDENT_CHANNEL)).contains(
                "INC-1 acknowledged by Alice Smith (2m after declaration).",
                "📣 *Status update* on INC-1 from Alice Smith: Failover under way",
                "☑ Step 1 done by Bob Jones: Assess customer impact and set the severity. 1 mitigation step open.");
        assertThat(slack.calls()).contains("chat.update");
        // No Teams thread for a Slack incident.
        assertThat(teams.requests("/teams/v3/conversations").stream()
                .filter(r -> r.getBodyAsString().contains("\"isGroup\":true"))).isEmpty();
    }
}
