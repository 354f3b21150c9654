package dev.warroom.command;

import java.util.regex.Pattern;

/** A button under a message; pressing it runs {@code command} as the person who pressed it. */
public record Button(String label, String command) {

    /** A "Skip" button's command has no reason yet: the platform asks for it when the button is pressed. */
    private static final Pattern ASKS_REASON = Pattern.compile("(?i)^skip\\s+INC-\\d+\\s+\\d+$");

    public boolean asksReason() {
        return asksReason(command);
    }

    /** Whether a pressed button's command still needs the reason typed by whoever pressed it. */
    public static boolean asksReason(String command) {
        return command != null && ASKS_REASON.matcher(command.strip()).matches();
    }
}
