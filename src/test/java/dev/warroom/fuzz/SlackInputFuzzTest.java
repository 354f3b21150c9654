package dev.warroom.fuzz;

import dev.warroom.chat.slack.SlackRequests;
import dev.warroom.support.SlackApiStandIn;
import dev.warroom.support.SlackChat;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten thousand broken and hostile requests to {@code POST /slack/events}: slash-command forms, button and modal
 * payloads and Events API JSON, mutated, then signed correctly or not (no signature, another secret, a stale or
 * future timestamp, another body's signature, mangled headers), with right and wrong content types. None may
 * answer 5xx or hang; unsigned ones get 401 and change nothing; the app is still healthy afterwards.
 */
@QuarkusTest
class SlackInputFuzzTest extends EndpointFuzzTest {

    private static final long SEED = 20261126L;

    private SlackChat slack;
    private Mutations mutations;

    @BeforeEach
    void standIns() {
        slack = new SlackChat(clock).answeringAsUsual();
        mutations = new Mutations(SEED);
    }

    @Test
    void noBrokenOrForgedRequestGetsAServerErrorOrChangesAnything() {
        FuzzRun run = fuzz("/slack/events", this::slackCase);

        assertThat(run.authenticCases()).as("signed cases sent").isGreaterThan(FuzzRun.CASES / 4);
        assertThat(run.refusedCases()).as("cases refused").isGreaterThan(FuzzRun.CASES / 2);
        slack.slash("U01ALICE", "help", "after-fuzz").statusCode(200);
    }

    private FuzzCase slackCase(int n) {
        String kind = mutations.pick(List.of("slash", "slash", "button", "modal", "message", "mention", "verification", "bytes"));
        String valid = switch (kind) {
            case "slash" -> SlackRequests.slashCommandBody(mutations.pick(List.of("U01ALICE", "U01BOB", "U0NOBODY")),
                    "someone", mutations.pick(List.of(SlackChat.GENERAL, SlackChat.INCIDENT_CHANNEL)),
                    mutations.pick(Corpus.COMMANDS), "trigger-" + n);
            case "button" -> SlackRequests.blockActionBody("U01ALICE", SlackChat.INCIDENT_CHANNEL,
                    mutations.pick(Corpus.COMMANDS), "trigger-" + n);
            case "modal" -> SlackRequests.viewSubmissionBody("U01ALICE", "payments-api",
                    mutations.pick(List.of("low", "high", "")), mutations.pick(List.of("outage", "")), "Checkout failing");
            case "message" -> SlackRequests.eventBody("Ev" + n, SlackRequests.messageEventJson("U01ALICE",
                    SlackChat.INCIDENT_CHANNEL, mutations.pick(Corpus.COMMANDS), "1764000001.00" + n, SlackChat.MESSAGE_TS));
            case "mention" -> SlackRequests.eventBody("Ev" + n, SlackRequests.appMentionEventJson("U01ALICE",
                    SlackChat.GENERAL, mutations.pick(Corpus.COMMANDS), "1764000002.00" + n));
            case "verification" -> SlackRequests.urlVerificationBody("challenge-" + n);
            default -> null;
        };
        byte[] body = valid == null ? mutations.randomBytes()
                : (mutations.random().nextInt(8) == 0 ? valid : mutations.mutate(valid)).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType(kind));
        boolean authentic = authenticate(body, headers);
        return new FuzzCase(kind, body, headers, authentic);
    }

    private String contentType(String kind) {
        if (mutations.random().nextInt(10) == 0) {
            return mutations.pick(List.of("text/plain", "application/json", SlackRequests.FORM, "application/xml",
                    "multipart/form-data; boundary=x", "application/json; charset=latin1", "*/*", "garbage"));
        }
        return kind.equals("slash") || kind.equals("button") || kind.equals("modal") ? SlackRequests.FORM : SlackRequests.JSON;
    }

    /** Signs the case, or forges it one of the ways an attacker or a broken proxy would; true when signed. */
    private boolean authenticate(byte[] body, Map<String, String> headers) {
        long now = slack.now();
        String timestamp = SlackRequests.TIMESTAMP_HEADER;
        String signature = SlackRequests.SIGNATURE_HEADER;
        switch (mutations.random().nextInt(10)) {
            case 0, 1, 2, 3 -> {
                headers.put(timestamp, Long.toString(now));
                headers.put(signature, sign(body, now, SlackApiStandIn.SIGNING_SECRET));
                return true;
            }
            case 4 -> { }
            case 5 -> {
                headers.put(timestamp, Long.toString(now));
                headers.put(signature, sign(body, now, "not-the-signing-secret"));
            }
            case 6 -> {
                long stale = now - 6 * 60;
                headers.put(timestamp, Long.toString(stale));
                headers.put(signature, sign(body, stale, SlackApiStandIn.SIGNING_SECRET));
            }
            case 7 -> {
                headers.put(timestamp, Long.toString(now));
                headers.put(signature, sign("{}".getBytes(StandardCharsets.UTF_8), now, SlackApiStandIn.SIGNING_SECRET));
            }
            case 8 -> {
                long future = now + 10 * 60;
                headers.put(timestamp, Long.toString(future));
                headers.put(signature, sign(body, future, SlackApiStandIn.SIGNING_SECRET));
            }
            default -> {
                String real = sign(body, now, SlackApiStandIn.SIGNING_SECRET);
                String mangledTime = mutations.mutate(Long.toString(now));
                String mangled = mutations.mutate(real);
                headers.put(timestamp, mangledTime);
                headers.put(signature, mangled);
                // A mutation can leave both as they were: then the request is as signed as any.
                return mangledTime.equals(Long.toString(now)) && mangled.equals(real);
            }
        }
        return false;
    }

    /** Slack's v0 signature over the exact bytes sent (the bytes may not be UTF-8). */
    private static String sign(byte[] body, long epochSeconds, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(("v0:" + epochSeconds + ":").getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
