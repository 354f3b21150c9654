package dev.warroom.fuzz;

import dev.warroom.support.TeamsChat;
import dev.warroom.support.TeamsProfile;
import dev.warroom.support.TeamsStandIn;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten thousand broken and hostile activities to {@code POST /api/messages}: messages, card submits and updates,
 * mutated, with a valid Bot Framework token or a forged one (none, another key, expired, another audience or
 * issuer, mangled, not Bearer). None may answer 5xx or hang; forged ones get 401 and change nothing.
 */
@QuarkusTest
@TestProfile(TeamsProfile.class)
class TeamsInputFuzzTest extends EndpointFuzzTest {

    private static final long SEED = 20261127L;

    private TeamsChat teams;
    private Mutations mutations;

    @BeforeEach
    void standIns() {
        teams = new TeamsChat().answeringAsUsual();
        mutations = new Mutations(SEED);
    }

    @Test
    void noBrokenOrForgedActivityGetsAServerErrorOrChangesAnything() {
        FuzzRun run = fuzz("/api/messages", this::teamsCase);

        assertThat(run.authenticCases()).as("cases with a valid token").isGreaterThan(FuzzRun.CASES / 4);
        assertThat(run.refusedCases()).as("cases refused").isGreaterThan(FuzzRun.CASES / 2);
        teams.send(TeamsChat.message("help")).statusCode(200);
    }

    private FuzzCase teamsCase(int n) {
        String kind = mutations.pick(List.of("message", "message", "personal", "card", "update", "delete", "bytes"));
        String valid = switch (kind) {
            case "message" -> TeamsChat.message("<at>Warroom</at> " + mutations.pick(Corpus.COMMANDS)).toString();
            case "personal" -> TeamsChat.in(TeamsChat.ALICE_CHAT, TeamsChat.message(mutations.pick(Corpus.COMMANDS))).toString();
            case "card" -> TeamsChat.cardSubmit(TeamsChat.INCIDENT_THREAD, mutations.pick(Corpus.COMMANDS)).toString();
            case "update" -> TeamsChat.message(mutations.pick(Corpus.COMMANDS)).put("type", "messageUpdate").toString();
            case "delete" -> TeamsChat.message(null).put("type", "messageDelete").toString();
            default -> null;
        };
        byte[] body = valid == null ? mutations.randomBytes()
                : (mutations.random().nextInt(8) == 0 ? valid : mutations.mutate(valid)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", mutations.random().nextInt(10) == 0
                ? mutations.pick(List.of("text/plain", "application/x-www-form-urlencoded", "garbage", "*/*"))
                : "application/json");
        boolean authentic = authorize(headers);
        return new FuzzCase(kind, body, headers, authentic);
    }

    /**
     * A valid token, or one forged the ways the SDK's validation must catch; true when it may pass. A mangled copy
     * of the valid token may pass too: the JWT library decodes base64 leniently (characters outside the alphabet
     * are skipped) and reads only the word after {@code Bearer}, so junk added to a genuine token leaves a genuine
     * token. Its signature still has to verify, so that is no forgery; forgeries are the other cases, which must
     * all be 401.
     */
    private boolean authorize(Map<String, String> headers) {
        String valid = TeamsStandIn.validToken();
        long now = System.currentTimeMillis();
        int variant = mutations.random().nextInt(10);
        String header = switch (variant) {
            case 0, 1, 2, 3 -> "Bearer " + valid;
            case 4 -> null;
            case 5 -> "Bearer " + TeamsStandIn.sign(TeamsStandIn.validClaims(), TeamsStandIn.STRANGER_KEY);
            case 6 -> "Bearer " + TeamsStandIn.sign(TeamsStandIn.validClaims()
                    .withExpiresAt(new java.util.Date(now - 600_000)), TeamsStandIn.KEY);
            case 7 -> "Bearer " + TeamsStandIn.sign(TeamsStandIn.validClaims().withAudience("someone-else"), TeamsStandIn.KEY);
            case 8 -> "Bearer " + TeamsStandIn.sign(TeamsStandIn.validClaims().withIssuer("https://evil.example"), TeamsStandIn.KEY);
            default -> mutations.pick(List.of("Basic ", "Bearer ", "")) + mutations.mutate(valid);
        };
        if (header != null) {
            headers.put("Authorization", header);
        }
        return variant <= 3 || (variant == 9 && header.startsWith("Bearer "));
    }
}
