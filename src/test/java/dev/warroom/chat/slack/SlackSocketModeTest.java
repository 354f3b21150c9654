package dev.warroom.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warroom.support.ScenarioTest;
import dev.warroom.support.SlackApiStandIn;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** With SLACK_APP_TOKEN, Slack's requests arrive over a WebSocket and are acknowledged on it. */
@QuarkusTest
@TestProfile(SlackSocketModeTest.SocketModeOn.class)
class SlackSocketModeTest extends ScenarioTest {

    public static class SocketModeOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("warroom.slack.app-token", "xapp-test-token");
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SlackSocketMode socketMode;

    FakeSlackSocket socket;

    @AfterEach
    void closeSocket() throws Exception {
        if (socket != null) {
            socket.stop(1000);
        }
    }

    @Test
    void aSlashCommandOverTheSocketDeclaresAndIsAcknowledged() throws Exception {
        socket = new FakeSlackSocket(freePort());
        socket.start();
        socket.started.await(10, TimeUnit.SECONDS);
        SlackApiStandIn.server().stubFor(post(urlEqualTo("/api/apps.connections.open"))
                .willReturn(okJson("{\"ok\":true,\"url\":\"ws://127.0.0.1:" + socket.getPort() + "/link\"}")));

        socketMode.connect();

        // Like Slack, the fake sends the envelope again until it is acknowledged: the client may not be
        // listening yet when the socket opens. Repeats are the same request, so they declare once.
        String ack = null;
        for (int attempt = 0; attempt < 60 && ack == null; attempt++) {
            socket.sendCommand();
            ack = socket.acks.poll(500, TimeUnit.MILLISECONDS);
        }
        assertThat(ack).isEqualTo("env-1");
        assertThat(given().get("/api/incidents").jsonPath().getList("key")).containsExactly("INC-1");
        assertThat(incident("INC-1").getString("incident.title")).isEqualTo("Socket outage");
        assertThat(incident("INC-1").getString("incident.declaredBy")).isEqualTo("alice");
    }

    /** Stands for Slack's Socket Mode server: says hello, sends one slash command, records the acks. */
    static class FakeSlackSocket extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        final java.util.concurrent.BlockingQueue<String> acks = new java.util.concurrent.LinkedBlockingQueue<>();

        FakeSlackSocket(int port) {
            super(new InetSocketAddress("127.0.0.1", port));
            setReuseAddr(true);
        }

        @Override
        public void onOpen(WebSocket connection, ClientHandshake handshake) {
            connection.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"test\"},"
                    + "\"connection_info\":{\"app_id\":\"A0WARROOM\"}}");
        }

        void sendCommand() {
            ObjectNode payload = JSON.createObjectNode()
                    .put("token", "t").put("team_id", "T0ACME").put("team_domain", "acme")
                    .put("channel_id", "C0GENERAL").put("channel_name", "general")
                    .put("user_id", "U01ALICE").put("user_name", "alice").put("command", "/incident")
                    .put("text", "declare payments-api high Socket outage").put("api_app_id", "A0WARROOM")
                    .put("response_url", "https://hooks.slack.com/commands/T0ACME/1/x").put("trigger_id", "trigger-socket");
            ObjectNode envelope = JSON.createObjectNode().put("envelope_id", "env-1").put("type", "slash_commands")
                    .put("accepts_response_payload", true);
            envelope.set("payload", payload);
            broadcast(envelope.toString());
        }

        @Override
        public void onMessage(WebSocket connection, String message) {
            try {
                JsonNode ack = JSON.readTree(message);
                if (ack.has("envelope_id")) {
                    acks.add(ack.get("envelope_id").asText());
                }
            } catch (Exception ignored) {
                // not an acknowledgement
            }
        }

        @Override
        public void onClose(WebSocket connection, int code, String reason, boolean remote) {
        }

        @Override
        public void onError(WebSocket connection, Exception ex) {
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
