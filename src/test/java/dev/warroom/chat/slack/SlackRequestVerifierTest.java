package dev.warroom.chat.slack;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The signature check, on the example of Slack's "Verifying requests from Slack" page. */
class SlackRequestVerifierTest {

    private static final String SECRET = SlackRequests.DocumentedExample.SECRET;
    private static final long AT = SlackRequests.DocumentedExample.TIMESTAMP;
    private static final String TIMESTAMP = Long.toString(AT);
    private static final String BODY = SlackRequests.DocumentedExample.BODY;
    private static final String SIGNATURE = SlackRequests.DocumentedExample.SIGNATURE;

    private final SlackRequestVerifier verifier = verifier(Instant.ofEpochSecond(AT + 60));

    @Test
    void slacksExampleIsAccepted() {
        assertThat(verifier.problem(TIMESTAMP, SIGNATURE, BODY)).isNull();
    }

    @Test
    void aChangedBodyOrSignatureIsRefused() {
        assertThat(verifier.problem(TIMESTAMP, SIGNATURE, BODY + "&x=1")).isEqualTo("signature does not match");
        assertThat(verifier.problem(TIMESTAMP, SIGNATURE.replace("a2114", "a2115"), BODY)).isEqualTo("signature does not match");
        assertThat(verifier.problem(TIMESTAMP, SIGNATURE.substring(0, 20), BODY)).isEqualTo("signature does not match");
    }

    @Test
    void eachThreadChecksWithTheSameSecret() throws Exception {
        verifier.problem(TIMESTAMP, SIGNATURE, BODY + "&x=1"); // this thread's Mac used once before

        String onAnotherThread = CompletableFuture.supplyAsync(() -> verifier.problem(TIMESTAMP, SIGNATURE, BODY)).get();

        assertThat(onAnotherThread).isNull();
        assertThat(verifier.problem(TIMESTAMP, SIGNATURE, BODY)).isNull();
    }

    @Test
    void aTimestampMoreThanFiveMinutesAwayIsRefusedEitherWay() {
        assertThat(verifier(Instant.ofEpochSecond(AT + 301)).problem(TIMESTAMP, SIGNATURE, BODY))
                .isEqualTo("request timestamp is more than 5 minutes from now");
        assertThat(verifier(Instant.ofEpochSecond(AT - 301)).problem(TIMESTAMP, SIGNATURE, BODY))
                .isEqualTo("request timestamp is more than 5 minutes from now");
    }

    private static SlackRequestVerifier verifier(Instant now) {
        SlackSettings settings = new SlackSettings();
        settings.signingSecret = Optional.of(SECRET);
        SlackRequestVerifier verifier = new SlackRequestVerifier();
        verifier.settings = settings;
        verifier.clock = Clock.fixed(now, ZoneOffset.UTC);
        return verifier;
    }
}
