package dev.warroom.timer;

import java.time.Instant;

/** A timer waiting to fire: what kind, about what (an incident id, a plan's service), and when. */
public record PendingTimer(String kind, String subject, Instant due) {}
