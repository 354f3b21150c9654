package dev.warroom.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app manifest an admin pastes into Slack: one endpoint, the scopes and events the adapter uses. */
class SlackManifestTest {

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return out;
    }

    @Test
    void manifestDeclaresTheCommandScopesEventsAndOneEndpoint() throws Exception {
        JsonNode manifest = new ObjectMapper(new YAMLFactory()).readTree(Path.of("manifests/slack/app-manifest.yaml").toFile());
        String endpoint = "https://warroom.example.com/slack/events";

        assertEquals("Warroom", manifest.at("/display_information/name").asText());
        assertEquals("Warroom", manifest.at("/features/bot_user/display_name").asText());
        JsonNode command = manifest.at("/features/slash_commands/0");
        assertEquals("/incident", command.get("command").asText());
        assertEquals(endpoint, command.get("url").asText());
        assertEquals("declare <service> <severity> <title>", command.get("usage_hint").asText());
        assertFalse(command.get("description").asText().isBlank());
        assertTrue(manifest.at("/settings/interactivity/is_enabled").asBoolean());
        assertEquals(endpoint, manifest.at("/settings/interactivity/request_url").asText());
        assertEquals(endpoint, manifest.at("/settings/event_subscriptions/request_url").asText());
        assertEquals(List.of("app_mention", "message.channels", "message.groups"),
                strings(manifest.at("/settings/event_subscriptions/bot_events")));
        assertEquals(List.of("commands", "chat:write", "chat:write.public", "channels:manage", "groups:write",
                "channels:read", "groups:read", "im:write", "pins:write", "reactions:write", "users:read", "app_mentions:read",
                "channels:history", "groups:history"), strings(manifest.at("/oauth_config/scopes/bot")));
        for (String flag : List.of("socket_mode_enabled", "org_deploy_enabled", "token_rotation_enabled")) {
            assertTrue(manifest.at("/settings/" + flag).isBoolean(), flag);
            assertFalse(manifest.at("/settings/" + flag).asBoolean(), flag);
        }
    }
}
