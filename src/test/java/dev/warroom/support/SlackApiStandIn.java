package dev.warroom.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** WireMock standing in for slack.com's Web API for the whole test run; Slack is on in every test. */
public class SlackApiStandIn implements QuarkusTestResourceLifecycleManager {

    public static final String BOT_TOKEN = "xoxb-test-token";
    public static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort().extensions(new SlackFaults()));
            server.start();
            stubAuthTest(server);
        }
        return Map.of("warroom.slack.bot-token", BOT_TOKEN,
                "warroom.slack.signing-secret", SIGNING_SECRET,
                "warroom.slack.api-url", server.baseUrl() + "/api/");
    }

    public static void stubAuthTest(WireMockServer server) {
        server.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":true,\"url\":\"https://acme.slack.com/\",\"team\":\"Acme\",\"user\":\"warroom\","
                        + "\"team_id\":\"T0ACME\",\"user_id\":\"U0WARROOM\",\"bot_id\":\"B0WARROOM\"}")));
    }

    @Override
    public void stop() {
        // Kept for the whole run, like the database: Quarkus restarts the app between test profiles.
    }
}
