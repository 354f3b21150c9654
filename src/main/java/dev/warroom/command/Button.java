package dev.warroom.command;

/** A button under a message; pressing it runs {@code command} as the person who pressed it. */
public record Button(String label, String command) {}
