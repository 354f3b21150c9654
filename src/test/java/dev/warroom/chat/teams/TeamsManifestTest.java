package dev.warroom.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warroom.command.Button;
import dev.warroom.command.Field;
import dev.warroom.command.Message;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Teams app package's manifest and icons, and the Adaptive Card rendering of the neutral message. */
class TeamsManifestTest {

    @Test
    void manifestHasTheBotItsCommandsAndIconsOfTheRightSize() throws Exception {
        JsonNode manifest = new ObjectMapper().readTree(Path.of("manifests/teams/manifest.json").toFile());
        assertThat(manifest.at("/bots/0/botId").asText()).isEqualTo(manifest.get("id").asText());
        assertThat(manifest.at("/bots/0/scopes").toString()).contains("personal", "team");
        assertThat(manifest.at("/bots/0/commandLists/0/commands").findValuesAsText("title"))
                .contains("incident declare", "incident ack", "incident help");
        BufferedImage color = ImageIO.read(Path.of("manifests/teams", manifest.at("/icons/color").asText()).toFile());
        BufferedImage outline = ImageIO.read(Path.of("manifests/teams", manifest.at("/icons/outline").asText()).toFile());
        assertThat(color.getWidth()).isEqualTo(192);
        assertThat(outline.getWidth()).isEqualTo(32);
    }

    @Test
    void aMessageWithFieldsAndButtonsIsAnAdaptiveCard() {
        Message message = new Message("*INC-1* is open", List.of(new Field("Manager", "Alice Smith")),
                List.of(new Button("Acknowledge", "ack INC-1")));
        JsonNode card = AdaptiveCards.activity(message).at("/attachments/0/content");
        assertThat(card.get("version").asText()).isEqualTo("1.4");
        assertThat(card.at("/body/0/text").asText()).isEqualTo("**INC-1** is open");
        assertThat(card.at("/body/1/facts/0/title").asText()).isEqualTo("Manager");
        assertThat(card.at("/actions/0/type").asText()).isEqualTo("Action.Submit");
        assertThat(card.at("/actions/0/data/command").asText()).isEqualTo("ack INC-1");
        assertThat(AdaptiveCards.activity(Message.text("plain")).get("text").asText()).isEqualTo("plain");
    }
}
