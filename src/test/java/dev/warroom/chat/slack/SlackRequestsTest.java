package dev.warroom.chat.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.UrlVerificationRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.warroom.chat.slack.SlackBlocks.DeclareForm;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test helper's requests are what Bolt expects from Slack: same signature, same parsed payloads. */
class SlackRequestsTest {

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

    private static Request<?> parse(String body, Map<String, String> headers) {
        Map<String, List<String>> multi = new HashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        AppConfig config = AppConfig.builder().signingSecret(SECRET).singleTeamBotToken("xoxb-test").build();
        return new SlackRequestParser(config).parse(SlackRequestParser.HttpRequest.builder()
                .requestUri("/slack/events").requestBody(body).headers(new RequestHeaders(multi))
                .remoteAddress("127.0.0.1").build());
    }

    @Test
    void signatureMatchesBoltsGeneratorAndVerifier() {
        String body = SlackRequests.slashCommandBody("U0ADA", "ada", "C0INCIDENTS",
                "declare payments-api sev1 50% of cards fail + refunds\nsecond line & <b> é", "1.2.abc");
        long timestamp = 1764000000L;

        Map<String, String> headers = SlackRequests.signedHeaders(body, timestamp, SECRET);

        assertEquals(List.of("X-Slack-Request-Timestamp", "X-Slack-Signature"), List.copyOf(headers.keySet()));
        assertEquals("1764000000", headers.get("X-Slack-Request-Timestamp"));
        assertEquals(new SlackSignature.Generator(SECRET).generate("1764000000", body), headers.get("X-Slack-Signature"));
        SlackSignature.Verifier verifier = new SlackSignature.Verifier(new SlackSignature.Generator(SECRET));
        assertTrue(verifier.isValid("1764000000", body, headers.get("X-Slack-Signature"), timestamp * 1000 + 1000));
        assertFalse(verifier.isValid("1764000000", body + " ", headers.get("X-Slack-Signature"), timestamp * 1000));
        assertFalse(verifier.isValid("1764000000", body, headers.get("X-Slack-Signature"), (timestamp + 301) * 1000),
                "older than 5 minutes");
        assertEquals(SlackRequests.DocumentedExample.SIGNATURE, SlackRequests.signature(
                SlackRequests.DocumentedExample.BODY, SlackRequests.DocumentedExample.TIMESTAMP,
                SlackRequests.DocumentedExample.SECRET));
    }

    @Test
    void slashCommandBodyIsTheFormSlackSends() {
        String body = SlackRequests.slashCommandBody("U0ADA", "ada", "C0INCIDENTS", "declare web sev2 a+b 100% <x>", "1.2.abc");

        assertEquals("token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T0WARROOM&team_domain=warroom-test&channel_id=C0INCIDENTS"
                + "&channel_name=incidents&user_id=U0ADA&user_name=ada&command=%2Fincident"
                + "&text=declare+web+sev2+a%2Bb+100%25+%3Cx%3E&api_app_id=A0WARROOM&is_enterprise_install=false"
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0WARROOM%2F1234567890%2FabcdefABCDEF0123"
                + "&trigger_id=1.2.abc", body);

        SlashCommandRequest request = assertInstanceOf(SlashCommandRequest.class,
                parse(body, SlackRequests.signedHeaders(body, 1764000000L, SECRET)));
        SlashCommandPayload payload = request.getPayload();
        assertEquals("/incident", payload.getCommand());
        assertEquals("declare web sev2 a+b 100% <x>", payload.getText());
        assertEquals("U0ADA", payload.getUserId());
        assertEquals("ada", payload.getUserName());
        assertEquals("C0INCIDENTS", payload.getChannelId());
        assertEquals("T0WARROOM", payload.getTeamId());
        assertEquals("A0WARROOM", payload.getApiAppId());
        assertEquals("1.2.abc", payload.getTriggerId());
        assertEquals(SlackRequests.RESPONSE_URL, payload.getResponseUrl());
    }

    @Test
    void blockActionBodyIsABoltBlockAction() {
        String body = SlackRequests.blockActionBody("U0ADA", "C0INC3", "done INC-3 2", "9.8.def");

        assertTrue(body.startsWith("payload=%7B%22type%22%3A%22block_actions%22"), body);
        BlockActionRequest request = assertInstanceOf(BlockActionRequest.class,
                parse(body, SlackRequests.signedHeaders(body, 1764000000L, SECRET)));
        BlockActionPayload payload = request.getPayload();
        assertEquals("U0ADA", payload.getUser().getId());
        assertEquals("u0ada", payload.getUser().getUsername());
        assertEquals("C0INC3", payload.getChannel().getId());
        assertEquals("C0INC3", payload.getContainer().getChannelId());
        assertEquals(SlackRequests.MESSAGE_TS, payload.getContainer().getMessageTs());
        assertEquals("9.8.def", payload.getTriggerId());
        assertEquals("T0WARROOM", payload.getTeam().getId());
        BlockActionPayload.Action action = payload.getActions().get(0);
        assertEquals("warroom-cmd-0", action.getActionId());
        assertTrue(SlackBlocks.ACTION_ID_PATTERN.matcher(action.getActionId()).matches());
        assertEquals("warroom-actions-0", action.getBlockId());
        assertEquals("done INC-3 2", action.getValue());
        assertEquals("button", action.getType());
    }

    @Test
    void viewSubmissionBodyIsABoltViewSubmissionOfTheDeclareModal() {
        String body = SlackRequests.viewSubmissionBody("U0ADA", "payments-api", "sev1", "card-outage", "Checkout <b>& 50%+");

        ViewSubmissionRequest request = assertInstanceOf(ViewSubmissionRequest.class,
                parse(body, SlackRequests.signedHeaders(body, 1764000000L, SECRET)));
        ViewSubmissionPayload payload = request.getPayload();
        assertEquals(SlackBlocks.DECLARE_CALLBACK_ID, payload.getView().getCallbackId());
        assertEquals("U0ADA", payload.getUser().getId());
        assertEquals(new DeclareForm("payments-api", "sev1", "card-outage", "Checkout <b>& 50%+"),
                SlackBlocks.readDeclareForm(payload.getView().getState()));

        String untyped = SlackRequests.viewSubmissionBody("U0ADA", "web", "sev2", null, "Down", "C0INCIDENTS");
        ViewSubmissionPayload second = ((ViewSubmissionRequest) parse(untyped, Map.of())).getPayload();
        assertEquals(new DeclareForm("web", "sev2", null, "Down"), SlackBlocks.readDeclareForm(second.getView().getState()));
        assertEquals("C0INCIDENTS", second.getView().getPrivateMetadata());
    }

    @Test
    void eventBodiesAreBoltEvents() {
        String message = SlackRequests.eventBody("Ev0001", SlackRequests.messageEventJson("U0ADA", "C0INC3",
                "We should alert on PSP latency", "1764000100.000200", SlackRequests.MESSAGE_TS));
        EventRequest event = assertInstanceOf(EventRequest.class, parse(message, Map.of()));
        assertEquals("message", event.getEventType());
        assertTrue(message.contains("\"event_id\":\"Ev0001\""));
        assertTrue(message.contains("\"type\":\"event_callback\""));
        assertTrue(message.contains("\"thread_ts\":\"" + SlackRequests.MESSAGE_TS + "\""));

        String mention = SlackRequests.eventBody("Ev0002",
                SlackRequests.appMentionEventJson("U0ADA", "C0INC3", "status INC-3", "1764000101.000300"));
        assertEquals("app_mention", assertInstanceOf(EventRequest.class, parse(mention, Map.of())).getEventType());

        assertInstanceOf(UrlVerificationRequest.class, parse(SlackRequests.urlVerificationBody("chal-123"), Map.of()));
    }
}
