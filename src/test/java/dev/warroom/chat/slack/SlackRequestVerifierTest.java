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

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String TIMESTAMP = "1531420618";
    private static final String BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
            + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J"
            + "%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private final SlackRequestVerifier verifier = verifier(Instant.ofEpochSecond(1531420618L + 60));

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
        assertThat(verifier(Instant.ofEpochSecond(1531420618L + 301)).problem(TIMESTAMP, SIGNATURE, BODY))
                .isEqualTo("request timestamp is more than 5 minutes from now");
        assertThat(verifier(Instant.ofEpochSecond(1531420618L - 301)).problem(TIMESTAMP, SIGNATURE, BODY))
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
