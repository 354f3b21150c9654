package dev.warroom.chat.local;

import dev.warroom.command.Button;

import java.time.Instant;
import java.util.List;

/**
 * A local chat message as the page and the JSON API see it. {@code parent} is the id of the thread's first message
 * for a reply, else null; a deleted message has no text.
 */
public record LocalMessageView(long id, String channel, String user, String text, Instant ts, List<Button> buttons,
                               Long parent, Instant editedAt, boolean deleted) {}
