package dev.warroom.email;

import dev.warroom.command.Button;
import dev.warroom.command.Mention;
import dev.warroom.command.Message;

/** A neutral message as an email: a one-line subject and a plain-text body. */
record EmailContent(String subject, String body) {

    private static final int SUBJECT_LIMIT = 100;

    /**
     * The message's own subject, or else its first line. The body keeps the chat marks (*bold*, _italic_),
     * which read as they are in plain text; buttons become the commands to type in chat.
     */
    static EmailContent of(Message message) {
        String text = message.withText(t -> Mention.render(t, person -> "@" + person)).plainText();
        String subject = message.subject() != null && !message.subject().isBlank() ? message.subject()
                : text.lines().findFirst().orElse("").replaceAll("[*`]", "");
        StringBuilder body = new StringBuilder(text).append('\n');
        if (!message.buttons().isEmpty()) {
            body.append("\nTo act, type in the chat:\n");
            for (Button button : message.buttons()) {
                body.append("  /incident ").append(button.command()).append("   (").append(button.label()).append(")\n");
            }
        }
        return new EmailContent(oneLine(subject), body.toString());
    }

    /** Subjects are a header: one line, and short enough to read on a phone's lock screen. */
    private static String oneLine(String subject) {
        String line = subject.replaceAll("\\s+", " ").strip();
        if (line.isEmpty()) {
            return "Warroom";
        }
        return line.length() <= SUBJECT_LIMIT ? line : line.substring(0, SUBJECT_LIMIT - 1) + "…";
    }
}
