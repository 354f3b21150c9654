package dev.warroom.chat.teams;

import dev.warroom.support.ScenarioTest;
import dev.warroom.support.TeamsChat;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.warroom.support.TeamsChat.GENERAL;
import static dev.warroom.support.TeamsChat.activitiesOf;
import static dev.warroom.support.TeamsChat.message;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** TEAMS_AUTH_DISABLED=true without an app id or password: local development with the Bot Framework Emulator. */
@QuarkusTest
@TestProfile(TeamsAuthDisabledTest.AuthOffWithoutCredentials.class)
class TeamsAuthDisabledTest extends ScenarioTest {

    public static class AuthOffWithoutCredentials implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("warroom.teams.auth-disabled", "true");
        }
    }

    @Test
    void activitiesWithoutATokenAreTakenAndAnsweredWithoutOne() {
        TeamsChat teams = new TeamsChat().answeringAsUsual();

        given().contentType("application/json").body(message("<at>Warroom</at> help ack").toString())
                .post("/api/messages").then().statusCode(200);

        assertThat(teams.postedTo(GENERAL)).extracting(TeamsChat::says)
                .containsExactly("`ack` — The incident manager acknowledges the incident; the acknowledgement timer stops.");
        assertThat(teams.requests(activitiesOf(GENERAL)).get(0).containsHeader("Authorization")).isFalse();
        assertThat(teams.requests("/login/")).isEmpty();
    }
}
