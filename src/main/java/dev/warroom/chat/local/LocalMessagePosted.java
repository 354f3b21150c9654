package dev.warroom.chat.local;

/** Fired inside the transaction that stored a local message; observed after commit to push it live. */
public record LocalMessagePosted(LocalMessageView message) {}
