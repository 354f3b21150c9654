package dev.warroom.chat.slack;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Checks Slack's request signature ({@code v0=} HMAC-SHA256 of {@code v0:timestamp:body} with the signing secret)
 * against the exact bytes received, with Warroom's clock. Bolt's own check uses the system clock and lets timestamps
 * from the future through; a request more than five minutes away from now, either way, is refused as a replay.
 *
 * <p>Not Bolt's {@code SlackSignature.Generator}: it looks up a new {@code Mac} and formats each of the 32 bytes with
 * {@code String.format} on every request, a visible share of an ack's CPU under load (bench/README.md, round 9).
 * Each thread keeps its own keyed {@code Mac} here; {@code SlackRequestsTest} checks the test's signatures against
 * Bolt's generator, and the endpoint tests send those.
 */
@ApplicationScoped
public class SlackRequestVerifier {

    static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String ALGORITHM = "HmacSHA256";

    @Inject
    SlackSettings settings;
    @Inject
    Clock clock;

    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::keyedMac);

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
        if (Math.abs(clock.millis() - seconds * 1000) > TOLERANCE.toMillis()) {
            return "request timestamp is more than 5 minutes from now";
        }
        byte[] expected = expectedSignature(timestamp.trim(), body).getBytes(StandardCharsets.UTF_8);
        // constant-time: how much of a forged signature matched must not show in the time taken to refuse it
        return MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.UTF_8))
                ? null : "signature does not match";
    }

    private String expectedSignature(String timestamp, String body) {
        byte[] hash = macs.get().doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
        return "v0=" + HexFormat.of().formatHex(hash);
    }

    private Mac keyedMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(settings.signingSecret().getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
        }
    }
}
