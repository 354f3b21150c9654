package dev.warroom.command;

import java.util.List;

/**
 * A platform-neutral chat message: a text (with *bold*, _italic_ and `code` marks), optional fields
 * and buttons. Adapters render it as Block Kit, an Adaptive Card or plain lines.
 *
 * @param key  names a message that is kept up to date: a later message with the same key in the same
 *             channel replaces it (Slack's chat.update, Teams' updateActivity); null for plain messages
 * @param pin  keep this message at hand in the channel (pinned where the platform can)
 * @param subject a short headline for channels that show one apart from the text (an email's subject);
 *             null where the text's first line will do
 * @param thread the platform's id of the thread to post in (see {@link SourceMessage#thread()}); null: top level
 * @param acknowledges the platform's id of a person's message this only confirms: a platform that can mark the
 *             message itself (Slack's ✅ reaction) does that instead of posting the text; null for other messages
 */
public record Message(String text, List<Field> fields, List<Button> buttons, String key, boolean pin, String subject,
                      String thread, String acknowledges) {

    public Message {
        fields = List.copyOf(fields);
        buttons = List.copyOf(buttons);
    }

    public Message(String text, List<Field> fields, List<Button> buttons, String key, boolean pin, String subject) {
        this(text, fields, buttons, key, pin, subject, null, null);
    }

    public Message(String text, List<Field> fields, List<Button> buttons, String key, boolean pin) {
        this(text, fields, buttons, key, pin, null);
    }

    public Message(String text, List<Field> fields, List<Button> buttons) {
        this(text, fields, buttons, null, false);
    }

    public static Message text(String text) {
        return new Message(text, List.of(), List.of());
    }

    public Message withButtons(List<Button> more) {
        return new Message(text, fields, more, key, pin, subject, thread, acknowledges);
    }

    /** This message as the current version of the message named {@code key}. */
    public Message keyed(String newKey) {
        return new Message(text, fields, buttons, newKey, pin, subject, thread, acknowledges);
    }

    public Message pinned() {
        return new Message(text, fields, buttons, key, true, subject, thread, acknowledges);
    }

    public Message withSubject(String newSubject) {
        return new Message(text, fields, buttons, key, pin, newSubject, thread, acknowledges);
    }

    public Message inThread(String threadId) {
        return new Message(text, fields, buttons, key, pin, subject, threadId, acknowledges);
    }

    /** This message as the confirmation of a person's message (see {@link #acknowledges()}). */
    public Message acknowledging(String messageId) {
        return new Message(text, fields, buttons, key, pin, subject, thread, messageId);
    }

    /** The same message with its text (and fields) rendered anew, e.g. with its mentions written for a platform. */
    public Message withText(java.util.function.UnaryOperator<String> rendering) {
        return new Message(rendering.apply(text),
                fields.stream().map(f -> new Field(f.label(), rendering.apply(f.value()))).toList(),
                buttons, key, pin, subject, thread, acknowledges);
    }

    /** The same message with {@code mark} before its text and its subject (if it has one). */
    public Message prefixed(String mark) {
        return new Message(mark + text, fields, buttons, key, pin, subject == null ? null : mark + subject);
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
