package dev.warroom.notify;

/** Someone to tell, and the plan entry that makes them a recipient (shown to them). */
public record Recipient(Destination destination, String because) {}
