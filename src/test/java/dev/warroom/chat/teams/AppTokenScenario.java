package dev.warroom.chat.teams;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.warroom.support.ScenarioTest;
import dev.warroom.notify.OutboxDispatcher;
import dev.warroom.support.FormBody;
import dev.warroom.support.TeamsChat;
import dev.warroom.support.TeamsStandIn;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.warroom.support.TeamsChat.GENERAL;
import static dev.warroom.support.TeamsChat.activitiesOf;
import static dev.warroom.support.TeamsChat.message;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How Warroom gets its own token for the Bot Connector, for one kind of bot: client credentials posted to the
 * login endpoint of {@link #tenant()}, the token kept until a minute before it expires, then fetched anew.
 */
abstract class AppTokenScenario extends ScenarioTest {

    @Inject
    TeamsConnector connector;
    @Inject
    OutboxDispatcher dispatcher;

    TeamsChat teams;
    WireMockServer microsoft;

    /** The tenant in the login address: the bot's own, or Bot Framework's for multi-tenant bots. */
    abstract String tenant();

    @BeforeEach
    void microsoftAnswersWithTwoTokens() {
        teams = new TeamsChat().answeringAsUsual();
        microsoft = teams.server();
        connector.forgetToken();
        String login = "/login/" + tenant() + "/oauth2/v2.0/token";
        microsoft.stubFor(post(urlEqualTo(login)).atPriority(1).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"token-1\"}"))
                .willSetStateTo("second"));
        microsoft.stubFor(post(urlEqualTo(login)).atPriority(1).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"token-2\"}")));
    }

    @Test
    void theTokenIsFetchedWithClientCredentialsAndKeptUntilNearExpiry() {
        teams.send(message("<at>Warroom</at> help ack")).statusCode(200);

        List<LoggedRequest> logins = teams.requests("/login/");
        assertThat(logins).extracting(LoggedRequest::getUrl).containsExactly("/login/" + tenant() + "/oauth2/v2.0/token");
        assertThat(logins.get(0).getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(FormBody.fields(logins.get(0).getBodyAsString())).containsExactly(
                Map.entry("grant_type", "client_credentials"),
                Map.entry("client_id", TeamsStandIn.APP_ID),
                Map.entry("client_secret", TeamsStandIn.APP_PASSWORD),
                Map.entry("scope", "https://api.botframework.com/.default"));

        clock.advance(Duration.ofSeconds(3599 - 61)); // a minute and a second before it expires: kept
        teams.send(message("<at>Warroom</at> help ack")).statusCode(200);
        clock.advance(Duration.ofSeconds(1)); // a minute before: fetched anew
        teams.send(message("<at>Warroom</at> help ack")).statusCode(200);

        assertThat(teams.requests("/login/")).hasSize(2);
        assertThat(teams.requests(activitiesOf(GENERAL))).extracting(r -> r.getHeader("Authorization"))
                .containsExactly("Bearer token-1", "Bearer token-1", "Bearer token-2");
    }

    @Test
    void aTokenTheBotConnectorRefusesIsReplacedOnTheRetry() {
        microsoft.stubFor(post(urlEqualTo(activitiesOf(GENERAL))).atPriority(1).inScenario("refused")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(401)).willSetStateTo("accepted"));

        teams.send(message("<at>Warroom</at> help ack")).statusCode(200);
        clock.advance(Duration.ofMinutes(1));
        dispatcher.deliverPending();

        assertThat(teams.requests(activitiesOf(GENERAL))).extracting(r -> r.getHeader("Authorization"))
                .containsExactly("Bearer token-1", "Bearer token-2");
    }

}
