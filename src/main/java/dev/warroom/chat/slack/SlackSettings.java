package dev.warroom.chat.slack;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/** Slack's settings from the environment; the adapter is on only when the token and signing secret are set. */
@ApplicationScoped
public class SlackSettings {

    @ConfigProperty(name = "warroom.slack.bot-token")
    Optional<String> botToken;
    @ConfigProperty(name = "warroom.slack.signing-secret")
    Optional<String> signingSecret;
    @ConfigProperty(name = "warroom.slack.api-url")
    String apiUrl;

    public boolean enabled() {
        return botToken.filter(t -> !t.isBlank()).isPresent() && signingSecret.filter(s -> !s.isBlank()).isPresent();
    }

    public String botToken() {
        return botToken.orElse("");
    }

    public String signingSecret() {
        return signingSecret.orElse("");
    }

    /** Slack's Web API base, ending in a slash (tests point it at WireMock). */
    public String apiUrl() {
        return apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
    }
}
