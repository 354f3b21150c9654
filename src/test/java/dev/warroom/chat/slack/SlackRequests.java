package dev.warroom.chat.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.util.json.GsonFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Slack sends to {@code POST /slack/events}, built the way Slack's documentation shows it: slash commands
 * and interactivity as {@code application/x-www-form-urlencoded} bodies, the Events API as JSON, and the
 * {@code v0} request signature. For the Slack adapter's integration tests.
 */
public final class SlackRequests {

    public static final String TEAM_ID = "T0WARROOM";
    public static final String TEAM_DOMAIN = "warroom-test";
    public static final String API_APP_ID = "A0WARROOM";
    /** The deprecated verification token Slack still sends in every request; Warroom checks signatures instead. */
    public static final String VERIFICATION_TOKEN = "gIkuvaNzQIHg97ATvDxqgjtO";
    public static final String BOT_USER_ID = "U0WARBOT";
    public static final String BOT_ID = "B0WARBOT";
    public static final String COMMAND = "/incident";
    public static final String CHANNEL_NAME = "incidents";
    public static final String RESPONSE_URL = "https://hooks.slack.com/commands/T0WARROOM/1234567890/abcdefABCDEF0123";
    public static final String ACTION_RESPONSE_URL = "https://hooks.slack.com/actions/T0WARROOM/1234567890/abcdefABCDEF0123";
    /** The ts of the message whose button is pressed in {@link #blockActionBody}. */
    public static final String MESSAGE_TS = "1764000000.000100";
    public static final String VIEW_ID = "V0WARROOM1";

    public static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Slack-Signature";
    public static final String FORM = "application/x-www-form-urlencoded";
    public static final String JSON = "application/json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SlackRequests() {
    }

    /** The signed request on Slack's "Verifying requests from Slack" page: known-good values from Slack itself. */
    public static final class DocumentedExample {
        public static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
        public static final long TIMESTAMP = 1531420618L;
        public static final String BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
                + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
                + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J"
                + "%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
                + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        public static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

        private DocumentedExample() {
        }
    }

    // slash commands

    /** The form Slack posts for {@code /incident <text>}, fields in Slack's order, URL-encoded. */
    public static String slashCommandBody(String userId, String userName, String channelId, String text, String triggerId) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", VERIFICATION_TOKEN);
        form.put("team_id", TEAM_ID);
        form.put("team_domain", TEAM_DOMAIN);
        form.put("channel_id", channelId);
        form.put("channel_name", CHANNEL_NAME);
        form.put("user_id", userId);
        form.put("user_name", userName);
        form.put("command", COMMAND);
        form.put("text", text);
        form.put("api_app_id", API_APP_ID);
        form.put("is_enterprise_install", "false");
        form.put("response_url", RESPONSE_URL);
        form.put("trigger_id", triggerId);
        return form(form);
    }

    // interactivity

    /** A press of the first button ({@code warroom-cmd-0}) of a Warroom message whose command is {@code actionValue}. */
    public static String blockActionBody(String userId, String channelId, String actionValue, String triggerId) {
        return blockActionBody(userId, channelId, SlackBlocks.ACTION_ID_PREFIX + 0, actionValue, actionValue, triggerId);
    }

    /** A press of the button {@code actionId} labelled {@code label} whose value is {@code actionValue}. */
    public static String blockActionBody(String userId, String channelId, String actionId, String label,
                                         String actionValue, String triggerId) {
        ObjectNode payload = MAPPER.createObjectNode();
        payload.put("type", "block_actions");
        payload.set("user", user(userId));
        payload.put("api_app_id", API_APP_ID);
        payload.put("token", VERIFICATION_TOKEN);
        ObjectNode container = payload.putObject("container");
        container.put("type", "message");
        container.put("message_ts", MESSAGE_TS);
        container.put("channel_id", channelId);
        container.put("is_ephemeral", false);
        payload.put("trigger_id", triggerId);
        payload.set("team", team());
        payload.putNull("enterprise");
        payload.put("is_enterprise_install", false);
        ObjectNode channel = payload.putObject("channel");
        channel.put("id", channelId);
        channel.put("name", CHANNEL_NAME);
        ObjectNode message = payload.putObject("message");
        message.put("type", "message");
        message.put("subtype", "bot_message");
        message.put("text", label);
        message.put("ts", MESSAGE_TS);
        message.put("bot_id", BOT_ID);
        message.put("user", BOT_USER_ID);
        message.put("app_id", API_APP_ID);
        message.put("team", TEAM_ID);
        ArrayNode blocks = message.putArray("blocks");
        ObjectNode actionsBlock = blocks.addObject();
        actionsBlock.put("type", "actions");
        actionsBlock.put("block_id", SlackBlocks.ACTIONS_BLOCK_ID_PREFIX + 0);
        ObjectNode button = actionsBlock.putArray("elements").addObject();
        button.put("type", "button");
        button.put("action_id", actionId);
        button.set("text", plainText(label));
        button.put("value", actionValue);
        ObjectNode state = payload.putObject("state");
        state.putObject("values");
        payload.put("response_url", ACTION_RESPONSE_URL);
        ObjectNode action = payload.putArray("actions").addObject();
        action.put("action_id", actionId);
        action.put("block_id", SlackBlocks.ACTIONS_BLOCK_ID_PREFIX + 0);
        action.set("text", plainText(label));
        action.put("value", actionValue);
        action.put("type", "button");
        action.put("action_ts", "1764000001.234567");
        return payloadForm(payload);
    }

    /**
     * A submission of Warroom's declare modal ({@code callback_id} {@link SlackBlocks#DECLARE_CALLBACK_ID}).
     * {@code type} may be null: no incident type chosen ({@code selected_option: null}, as Slack sends it).
     */
    public static String viewSubmissionBody(String userId, String service, String severity, String type, String title) {
        return viewSubmissionBody(userId, service, severity, type, title, null);
    }

    /** As {@link #viewSubmissionBody(String, String, String, String, String)}, with the modal's private_metadata. */
    public static String viewSubmissionBody(String userId, String service, String severity, String type, String title,
                                            String privateMetadata) {
        ObjectNode payload = MAPPER.createObjectNode();
        payload.put("type", "view_submission");
        payload.set("team", team());
        payload.set("user", user(userId));
        payload.put("api_app_id", API_APP_ID);
        payload.put("token", VERIFICATION_TOKEN);
        payload.put("trigger_id", "1764000002.123456789.abcdef0123456789abcdef0123456789");

        // the view as Slack echoes it: the modal Warroom opened, plus ids and the state
        List<String> types = type == null ? List.of() : List.of(type);
        ObjectNode view = (ObjectNode) tree(GsonFactory.createSnakeCase().toJson(SlackBlocks.declareModal(
                List.of(new SlackBlocks.PlanChoice(service, List.of(severity), types)), SlackBlocks.DECLARE_CALLBACK_ID,
                privateMetadata)));
        ObjectNode echoed = MAPPER.createObjectNode();
        echoed.put("id", VIEW_ID);
        echoed.put("team_id", TEAM_ID);
        echoed.setAll(view);
        echoed.put("private_metadata", privateMetadata == null ? "" : privateMetadata);
        echoed.put("callback_id", SlackBlocks.DECLARE_CALLBACK_ID);
        ObjectNode values = echoed.putObject("state").putObject("values");
        values.putObject(SlackBlocks.SERVICE_BLOCK).set(SlackBlocks.SERVICE_ACTION, selected(service));
        values.putObject(SlackBlocks.SEVERITY_BLOCK).set(SlackBlocks.SEVERITY_ACTION, selected(severity));
        if (type != null) {
            values.putObject(SlackBlocks.TYPE_BLOCK).set(SlackBlocks.TYPE_ACTION, selected(type));
        }
        ObjectNode input = values.putObject(SlackBlocks.TITLE_BLOCK).putObject(SlackBlocks.TITLE_ACTION);
        input.put("type", "plain_text_input");
        input.put("value", title);
        echoed.put("hash", "1764000002.Ab1Cd2Ef");
        echoed.put("clear_on_close", false);
        echoed.put("notify_on_close", false);
        echoed.putNull("previous_view_id");
        echoed.put("root_view_id", VIEW_ID);
        echoed.put("app_id", API_APP_ID);
        echoed.put("external_id", "");
        echoed.put("app_installed_team_id", TEAM_ID);
        echoed.put("bot_id", BOT_ID);
        payload.set("view", echoed);
        payload.putArray("response_urls");
        payload.put("is_enterprise_install", false);
        payload.putNull("enterprise");
        return payloadForm(payload);
    }

    // Events API

    /** The Events API envelope around {@code eventJson} (an event object such as a message), as JSON. */
    public static String eventBody(String eventId, String eventJson) {
        ObjectNode envelope = MAPPER.createObjectNode();
        envelope.put("token", VERIFICATION_TOKEN);
        envelope.put("team_id", TEAM_ID);
        envelope.put("api_app_id", API_APP_ID);
        envelope.set("event", tree(eventJson));
        envelope.put("type", "event_callback");
        envelope.put("event_id", eventId);
        envelope.put("event_time", 1764000003L);
        ObjectNode authorization = envelope.putArray("authorizations").addObject();
        authorization.putNull("enterprise_id");
        authorization.put("team_id", TEAM_ID);
        authorization.put("user_id", BOT_USER_ID);
        authorization.put("is_bot", true);
        authorization.put("is_enterprise_install", false);
        envelope.put("is_ext_shared_channel", false);
        envelope.put("event_context", "4-eyJldCI6Im1lc3NhZ2UiLCJ0aWQiOiJUMFdBUlJPT00ifQ");
        return envelope.toString();
    }

    /** A person's message (event type {@code message}); {@code threadTs} null for a top-level message. */
    public static String messageEventJson(String userId, String channelId, String text, String ts, String threadTs) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("type", "message");
        event.put("user", userId);
        event.put("text", text);
        event.put("ts", ts);
        if (threadTs != null) {
            event.put("thread_ts", threadTs);
        }
        event.put("team", TEAM_ID);
        event.put("channel", channelId);
        event.put("event_ts", ts);
        event.put("channel_type", "channel");
        return event.toString();
    }

    /** A reply in the thread {@code threadTs} also sent to the channel: subtype {@code thread_broadcast}. */
    public static String threadBroadcastEventJson(String userId, String channelId, String text, String ts, String threadTs) {
        ObjectNode event = (ObjectNode) tree(messageEventJson(userId, channelId, text, ts, threadTs));
        event.put("subtype", "thread_broadcast");
        return event.toString();
    }

    /**
     * A person's edit of their message {@code ts} (in the thread {@code threadTs}, or null), as Slack sends it: a
     * {@code message} event with subtype {@code message_changed}, the message as it is now and as it was.
     */
    public static String messageChangedEventJson(String userId, String channelId, String ts, String threadTs,
                                                 String newText, String oldText, String eventTs) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("type", "message");
        event.put("subtype", "message_changed");
        event.put("hidden", true);
        ObjectNode now = editedMessage(userId, ts, threadTs, newText);
        now.putObject("edited").put("user", userId).put("ts", eventTs);
        event.set("message", now);
        event.set("previous_message", editedMessage(userId, ts, threadTs, oldText));
        event.put("channel", channelId);
        event.put("ts", eventTs);
        event.put("event_ts", eventTs);
        event.put("channel_type", "channel");
        return event.toString();
    }

    /** The deletion of the message {@code deletedTs}: subtype {@code message_deleted}, with the message as it was. */
    public static String messageDeletedEventJson(String userId, String channelId, String deletedTs, String threadTs,
                                                 String oldText, String eventTs) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("type", "message");
        event.put("subtype", "message_deleted");
        event.put("hidden", true);
        event.put("deleted_ts", deletedTs);
        event.set("previous_message", editedMessage(userId, deletedTs, threadTs, oldText));
        event.put("channel", channelId);
        event.put("ts", eventTs);
        event.put("event_ts", eventTs);
        event.put("channel_type", "channel");
        return event.toString();
    }

    private static ObjectNode editedMessage(String userId, String ts, String threadTs, String text) {
        ObjectNode message = MAPPER.createObjectNode();
        message.put("type", "message");
        message.put("user", userId);
        message.put("text", text);
        message.put("ts", ts);
        if (threadTs != null) {
            message.put("thread_ts", threadTs);
        }
        message.put("team", TEAM_ID);
        return message;
    }

    /** An {@code app_mention}: {@code text} after the bot's mention {@code <@U0WARBOT>}. */
    public static String appMentionEventJson(String userId, String channelId, String text, String ts) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("type", "app_mention");
        event.put("user", userId);
        event.put("text", "<@" + BOT_USER_ID + "> " + text);
        event.put("ts", ts);
        event.put("team", TEAM_ID);
        event.put("channel", channelId);
        event.put("event_ts", ts);
        return event.toString();
    }

    /** The handshake Slack sends when the Events request URL is saved. */
    public static String urlVerificationBody(String challenge) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("token", VERIFICATION_TOKEN);
        body.put("challenge", challenge);
        body.put("type", "url_verification");
        return body.toString();
    }

    // signature

    /** Slack's headers for {@code body} sent at {@code epochSeconds}: timestamp and {@code v0=} HMAC-SHA256 signature. */
    public static Map<String, String> signedHeaders(String body, long epochSeconds, String signingSecret) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(TIMESTAMP_HEADER, Long.toString(epochSeconds));
        headers.put(SIGNATURE_HEADER, signature(body, epochSeconds, signingSecret));
        return headers;
    }

    /** {@code v0=} + hex HMAC-SHA256 of {@code v0:<timestamp>:<body>} (UTF-8) keyed with the signing secret. */
    public static String signature(String body, long epochSeconds, String signingSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + epochSeconds + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // pieces

    private static ObjectNode user(String userId) {
        ObjectNode user = MAPPER.createObjectNode();
        user.put("id", userId);
        user.put("username", userName(userId));
        user.put("name", userName(userId));
        user.put("team_id", TEAM_ID);
        return user;
    }

    /** The Slack handle the helpers give a user id: {@code U123} → {@code u123}. */
    public static String userName(String userId) {
        return userId.toLowerCase(java.util.Locale.ROOT);
    }

    private static ObjectNode team() {
        ObjectNode team = MAPPER.createObjectNode();
        team.put("id", TEAM_ID);
        team.put("domain", TEAM_DOMAIN);
        return team;
    }

    private static ObjectNode plainText(String text) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", "plain_text");
        node.put("text", text);
        node.put("emoji", true);
        return node;
    }

    private static ObjectNode selected(String value) {
        ObjectNode select = MAPPER.createObjectNode();
        select.put("type", "static_select");
        ObjectNode option = select.putObject("selected_option");
        option.set("text", plainText(value));
        option.put("value", value);
        return select;
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + json, e);
        }
    }

    private static String payloadForm(ObjectNode payload) {
        return "payload=" + encode(payload.toString());
    }

    private static String form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(field.getKey()).append('=').append(encode(field.getValue()));
        }
        return out.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
