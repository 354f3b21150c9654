package dev.warroom.command;

import java.util.List;

/**
 * A platform-neutral chat message: a text (with *bold* and `code` marks), optional fields and
 * buttons. Adapters render it as Block Kit, an Adaptive Card or plain lines.
 */
public record Message(String text, List<Field> fields, List<Button> buttons) {

    public Message {
        fields = List.copyOf(fields);
        buttons = List.copyOf(buttons);
    }

    public static Message text(String text) {
        return new Message(text, List.of(), List.of());
    }

    public Message withButtons(List<Button> more) {
        return new Message(text, fields, more);
    }

    /** The message as plain lines: text, then one line per field. */
    public String plainText() {
        StringBuilder out = new StringBuilder(text);
        for (Field field : fields) {
            out.append('\n').append(field.label()).append(": ").append(field.value());
        }
        return out.toString();
    }
}
