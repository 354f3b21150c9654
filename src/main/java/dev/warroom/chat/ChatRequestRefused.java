package dev.warroom.chat;

/** A Slack or Teams request answered 503 because its work was not taken ({@link WorkRefused#reason()}). */
public record ChatRequestRefused(String platform, String reason) {
}
