package dev.warroom.chat.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warroom.command.Button;
import dev.warroom.command.Field;
import dev.warroom.command.Mention;
import dev.warroom.command.Message;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Renders the core's neutral message as a Bot Framework message activity: plain text alone, or an
 * Adaptive Card 1.4 (TextBlock, FactSet, Action.Submit buttons carrying {@code {"command": ...}}; a Skip
 * button first shows a card asking for the reason).
 */
public final class AdaptiveCards {

    public static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    /** The input a Skip button's card asks the reason in; its value arrives beside the command. */
    static final String REASON_INPUT = "reason";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The core writes *bold*; Teams' markdown wants **bold**. */
    private static final Pattern BOLD = Pattern.compile("(?<![*\\w])\\*([^*\\n]+)\\*(?![*\\w])");

    private AdaptiveCards() {
    }

    /** The message as an activity, its mentions written as plan ids. */
    public static ObjectNode activity(Message message) {
        return activity(message, person -> new TeamsMention(null, person));
    }

    /**
     * The message as an activity; each person it mentions ({@link Mention}) is written {@code <at>Name</at>} with a
     * mention entity, so Teams notifies them, or by name alone when they have no Teams contact.
     */
    public static ObjectNode activity(Message neutral, Function<String, TeamsMention> mentions) {
        List<TeamsMention> mentioned = Mention.people(neutral.text()).stream().map(mentions).toList();
        Message message = neutral.withText(text -> Mention.render(text, person -> mentions.apply(person).written()));
        ObjectNode activity = JSON.createObjectNode();
        activity.put("type", "message");
        if (message.fields().isEmpty() && message.buttons().isEmpty()) {
            activity.put("textFormat", "markdown");
            activity.put("text", markdown(message.text()));
            addEntities(activity, mentioned);
            return activity;
        }
        activity.put("summary", message.text().replace("*", ""));
        ObjectNode attachment = activity.putArray("attachments").addObject();
        attachment.put("contentType", CONTENT_TYPE);
        ObjectNode card = card(message);
        addEntities(card.putObject("msteams"), mentioned); // a card's mentions are declared inside the card
        attachment.set("content", card);
        return activity;
    }

    private static void addEntities(ObjectNode target, List<TeamsMention> mentioned) {
        List<TeamsMention> reachable = mentioned.stream().filter(m -> m.userId() != null).toList();
        if (reachable.isEmpty()) {
            return;
        }
        ArrayNode entities = target.putArray("entities");
        for (TeamsMention mention : reachable) {
            ObjectNode entity = entities.addObject();
            entity.put("type", "mention");
            entity.put("text", mention.written());
            entity.putObject("mentioned").put("id", mention.userId()).put("name", mention.name());
        }
    }

    public static ObjectNode card(Message message) {
        ObjectNode card = JSON.createObjectNode();
        card.put("type", "AdaptiveCard");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("version", "1.4");
        ArrayNode body = card.putArray("body");
        ObjectNode text = body.addObject();
        text.put("type", "TextBlock");
        text.put("text", markdown(message.text()));
        text.put("wrap", true);
        if (!message.fields().isEmpty()) {
            ObjectNode facts = body.addObject();
            facts.put("type", "FactSet");
            ArrayNode list = facts.putArray("facts");
            for (Field field : message.fields()) {
                list.addObject().put("title", field.label()).put("value", markdown(field.value()));
            }
        }
        if (!message.buttons().isEmpty()) {
            ArrayNode actions = card.putArray("actions");
            for (Button button : message.buttons()) {
                actions.add(button.asksReason() ? reasonFirst(button) : submit(button));
            }
        }
        return card;
    }

    private static ObjectNode submit(Button button) {
        ObjectNode action = JSON.createObjectNode();
        action.put("type", "Action.Submit");
        action.put("title", button.label());
        action.putObject("data").put("command", button.command());
        return action;
    }

    /**
     * A button whose command needs a reason (Skip) opens a small card asking for it; Teams submits the typed
     * reason beside the command, as {@code {"command": ..., "reason": ...}}.
     */
    private static ObjectNode reasonFirst(Button button) {
        ObjectNode action = JSON.createObjectNode();
        action.put("type", "Action.ShowCard");
        action.put("title", button.label());
        ObjectNode card = action.putObject("card");
        card.put("type", "AdaptiveCard");
        card.putArray("body").addObject()
                .put("type", "Input.Text")
                .put("id", REASON_INPUT)
                .put("label", "Why is this step skipped?")
                .put("isRequired", true)
                .put("errorMessage", "Say why the step is skipped.");
        card.putArray("actions").add(submit(button));
        return action;
    }

    static String markdown(String text) {
        return text == null ? "" : BOLD.matcher(text).replaceAll("**$1**");
    }
}
