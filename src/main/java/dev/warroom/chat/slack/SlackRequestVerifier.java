package dev.warroom.chat.slack;

import com.slack.api.app_backend.SlackSignature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;

/**
 * Checks Slack's request signature against the exact bytes received, with Warroom's clock. Bolt's
 * own check uses the system clock and lets timestamps from the future through; a request more than
 * five minutes away from now, either way, is refused as a replay.
 */
@ApplicationScoped
public class SlackRequestVerifier {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Inject
    SlackSettings settings;
    @Inject
    Clock clock;

    /** Why the request is refused, or null when its signature is good. */
    public String problem(String timestamp, String signature, String body) {
        if (timestamp == null || timestamp.isBlank() || signature == null || signature.isBlank()) {
            return "missing X-Slack-Request-Timestamp or X-Slack-Signature";
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return "X-Slack-Request-Timestamp is not a number";
        }
        long now = clock.millis();
        if (Math.abs(now - seconds * 1000) > TOLERANCE.toMillis()) {
            return "request timestamp is more than 5 minutes from now";
        }
        SlackSignature.Verifier verifier = new SlackSignature.Verifier(new SlackSignature.Generator(settings.signingSecret()));
        return verifier.isValid(timestamp.trim(), body, signature.trim(), now) ? null : "signature does not match";
    }
}
