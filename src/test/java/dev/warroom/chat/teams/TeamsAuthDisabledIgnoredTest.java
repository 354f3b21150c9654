package dev.warroom.chat.teams;

import dev.warroom.support.ScenarioTest;
import dev.warroom.support.TeamsChat;
import dev.warroom.support.TeamsProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static dev.warroom.support.TeamsChat.message;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

/** TEAMS_AUTH_DISABLED=true is ignored once the bot has an app id and password: tokens are still required. */
@QuarkusTest
@TestProfile(TeamsAuthDisabledIgnoredTest.AuthOffWithCredentials.class)
class TeamsAuthDisabledIgnoredTest extends ScenarioTest {

    public static class AuthOffWithCredentials implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(new TeamsProfile().getConfigOverrides());
            config.put("warroom.teams.auth-disabled", "true");
            return config;
        }
    }

    @Test
    void activitiesWithoutATokenAreStillRefused() {
        TeamsChat teams = new TeamsChat().answeringAsUsual();

        given().contentType("application/json").body(message("<at>Warroom</at> declare payments-api high Forged").toString())
                .post("/api/messages").then().statusCode(401).body("error", startsWith("missing"));

        given().get("/api/incidents").then().statusCode(200).body("size()", org.hamcrest.Matchers.is(0));
        assertThat(teams.requests("/teams/")).isEmpty();
    }
}
