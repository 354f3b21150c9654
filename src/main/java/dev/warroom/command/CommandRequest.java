package dev.warroom.command;

/**
 * A command as an adapter hands it to the core: the text typed, who typed it, the platform and
 * channel it came from (replies go there), and the platform's id for the request so a retry is
 * handled once (may be null).
 */
public record CommandRequest(String text, Actor actor, String platform, String channel, String requestId) {}
