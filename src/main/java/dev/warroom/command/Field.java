package dev.warroom.command;

/** A labelled value on a card (rendered as a Block Kit field, an Adaptive Card fact, or a line). */
public record Field(String label, String value) {}
