package dev.warroom.chat.local;

import dev.warroom.command.Button;

import java.time.Instant;
import java.util.List;

/** A local chat message as the page and the JSON API see it. */
public record LocalMessageView(long id, String channel, String user, String text, Instant ts, List<Button> buttons) {}
