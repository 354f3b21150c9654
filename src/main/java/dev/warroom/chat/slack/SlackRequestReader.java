package dev.warroom.chat.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.util.SlackRequestParser;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a verified request body into Bolt's request. A slash command is read here in one pass; everything else
 * (JSON events, interactions' {@code payload=}) goes to Bolt's own parser.
 *
 * <p>Why: Bolt's parser reads a command's form three times (for an interaction's payload, for the command field,
 * then for the fields) and compiles a regular expression per field each time, some 30 per command: on 2 cores that
 * was a large part of an ack's CPU and of the garbage collected under a burst (bench/README.md, round 9). The rules
 * are Bolt's: pairs split at {@code &} and {@code =}, a pair without exactly one name and one value skipped, names
 * and values URL-decoded; {@code SlackRequestReaderTest} checks the payload equals Bolt's for the same bodies.
 */
final class SlackRequestReader {

    private static final Pattern NEWLINES = Pattern.compile("\\n+");

    private final AppConfig config;
    private final SlackRequestParser boltParser;

    SlackRequestReader(AppConfig config) {
        this.config = config;
        this.boltParser = new SlackRequestParser(config);
    }

    /** Bolt's request for this body, or null when it is no Slack command, interaction or event. */
    Request<?> read(String body, RequestHeaders headers) {
        SlashCommandPayload command = slashCommand(body);
        if (command == null) {
            return boltParser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri("/slack/events")
                    .requestBody(body)
                    .headers(headers)
                    .queryString(Map.of())
                    .build());
        }
        SlashCommandRequest request = new SlashCommandRequest(body, command, headers);
        request.updateContext(config); // as Bolt's parser does for every request it makes
        request.setClientIpAddress(headers.getFirstValue("X-FORWARDED-FOR"));
        return request;
    }

    /** The slash command in this form body, or null when the body is anything else (left to Bolt's parser). */
    static SlashCommandPayload slashCommand(String body) {
        String trimmed = body.trim();
        if (trimmed.isEmpty() || trimmed.charAt(0) == '{' || trimmed.charAt(0) == '[') {
            return null;
        }
        SlashCommandPayload payload = new SlashCommandPayload();
        boolean hasCommand = false;
        for (String pair : body.split("&")) {
            String[] fields = pair.split("=");
            if (fields.length != 2) {
                continue;
            }
            String name = URLDecoder.decode(NEWLINES.matcher(fields[0].trim()).replaceAll(""), StandardCharsets.UTF_8);
            if (name.equals("payload")) {
                return null; // an interaction: Bolt reads its JSON
            }
            hasCommand |= name.equals("command");
            set(payload, name, URLDecoder.decode(fields[1], StandardCharsets.UTF_8));
        }
        return hasCommand ? payload : null;
    }

    private static void set(SlashCommandPayload payload, String name, String value) {
        switch (name) {
            case "token" -> payload.setToken(value);
            case "team_id" -> payload.setTeamId(value);
            case "team_domain" -> payload.setTeamDomain(value);
            case "enterprise_id" -> payload.setEnterpriseId(value);
            case "enterprise_name" -> payload.setEnterpriseName(value);
            case "api_app_id" -> payload.setApiAppId(value);
            case "channel_id" -> payload.setChannelId(value);
            case "channel_name" -> payload.setChannelName(value);
            case "user_id" -> payload.setUserId(value);
            case "user_name" -> payload.setUserName(value);
            case "command" -> payload.setCommand(value);
            case "text" -> payload.setText(value);
            case "response_url" -> payload.setResponseUrl(value);
            case "trigger_id" -> payload.setTriggerId(value);
            default -> {
                // fields Bolt does not read either (is_enterprise_install...)
            }
        }
    }
}
