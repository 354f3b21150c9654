package dev.warroom.chat;

import dev.warroom.support.DatabaseBehindProxyProfile;
import dev.warroom.support.Eventually;
import dev.warroom.support.ScenarioTest;
import dev.warroom.support.SlackChat;
import dev.warroom.support.TeamsChat;
import dev.warroom.support.TeamsDatabaseBehindProxyProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.function.Supplier;

import static dev.warroom.support.MetricsText.sample;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * With the database down, a chat request cannot be stored, so it is not acknowledged: the platform is told 503 with
 * the reason (not a 400 that would blame the request), and the request sent again once the database is back is
 * taken, once.
 */
@QuarkusTest
@TestProfile(TeamsDatabaseBehindProxyProfile.class)
class ChatWithoutDatabaseTest extends ScenarioTest {

    private static final String DECLARE = "declare payments-api high Checkout failing";

    @AfterEach
    void databaseBack() {
        DatabaseBehindProxyProfile.proxy.restore();
    }

    @Test
    void aSlackCommandIsRefusedWith503WhileTheDatabaseIsDownAndTakenOnceWhenSentAgain() {
        SlackChat slack = new SlackChat(clock).answeringAsUsual();
        Supplier<ValidatableResponse> declare = () -> slack.slash("U01ALICE", DECLARE, "trigger-1");

        refusedWhileTheDatabaseIsDown("slack", declare);
        assertThat(slack.calls()).isEmpty();

        takenOnceWhenTheDatabaseIsBack(declare);
    }

    @Test
    void aTeamsMessageIsRefusedWith503WhileTheDatabaseIsDownAndTakenOnceWhenSentAgain() {
        TeamsChat teams = new TeamsChat().answeringAsUsual();
        Supplier<ValidatableResponse> declare = () -> teams.send(TeamsChat.message("incident " + DECLARE));

        refusedWhileTheDatabaseIsDown("teams", declare);

        takenOnceWhenTheDatabaseIsBack(declare);
    }

    /** Cuts the database; the request gets 503 with the reason, counted as refused for {@code platform}. */
    private static void refusedWhileTheDatabaseIsDown(String platform, Supplier<ValidatableResponse> request) {
        double refused = refused(platform);
        DatabaseBehindProxyProfile.proxy.cut();
        request.get().statusCode(503).header("Retry-After", "1").body("error", equalTo(ChatWorkNotStored.MESSAGE));
        assertThat(refused(platform)).isEqualTo(refused + 1);
    }

    /** Restores the database; the request sent again until taken declares one incident, not one per try. */
    private static void takenOnceWhenTheDatabaseIsBack(Supplier<ValidatableResponse> request) {
        DatabaseBehindProxyProfile.proxy.restore();
        sentAgainUntilTaken(request);
        assertThat(given().get("/api/incidents").jsonPath().getList("key")).containsExactly("INC-1");
    }

    /** As the platform or the person does: each 503 says nothing was kept, so sending again is safe. */
    private static void sentAgainUntilTaken(Supplier<ValidatableResponse> request) {
        Eventually.await("the request taken with the database back", () -> {
            int status = request.get().extract().statusCode();
            assertThat(status).isIn(200, 503);
            return status == 200;
        });
    }

    private static double refused(String platform) {
        return sample("warroom_chat_requests_refused_total", "platform=\"" + platform + "\",reason=\"unstored\"");
    }
}
