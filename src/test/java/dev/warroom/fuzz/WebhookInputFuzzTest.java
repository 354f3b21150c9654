package dev.warroom.fuzz;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten thousand broken requests each to the Alertmanager webhook (with the token or a forged one) and to the local
 * channel's message API (open in local mode: every case may post, so only the 5xx, hang and refused-but-changed
 * rules apply). The local cases carry fuzzed command lines, so they exercise the incident core's commands too.
 */
@QuarkusTest
class WebhookInputFuzzTest extends EndpointFuzzTest {

    private static final String ALERT_TOKEN = "test-alert-token";

    private Mutations mutations;

    @Test
    void noBrokenOrForgedAlertGetsAServerErrorOrChangesAnything() {
        mutations = new Mutations(20261128L);
        FuzzRun run = fuzz("/api/alerts/alertmanager", this::alertCase);

        assertThat(run.authenticCases()).isGreaterThan(FuzzRun.CASES / 4);
        assertThat(run.refusedCases()).isGreaterThan(FuzzRun.CASES / 2);
    }

    @Test
    void noBrokenLocalMessageGetsAServerErrorOrChangesAnythingWhenRefused() {
        mutations = new Mutations(20261129L);
        FuzzRun run = fuzz("/api/local/messages", this::localCase);

        assertThat(run.refusedCases()).as("cases refused").isGreaterThan(FuzzRun.CASES / 10);
        given().contentType("application/json").body("{\"channel\":\"general\",\"user\":\"alice\",\"text\":\"help\"}")
                .post("/api/local/messages").then().statusCode(200);
    }

    private FuzzCase alertCase(int n) {
        String valid = alert(mutations.pick(List.of("firing", "resolved")), mutations.pick(List.of("payments-api", "nothing")),
                mutations.pick(List.of("critical", "warning", "info")), "group-" + (n % 50));
        byte[] body = mutations.random().nextInt(12) == 0 ? mutations.randomBytes()
                : (mutations.random().nextInt(8) == 0 ? valid : mutations.mutate(valid)).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        String authorization = switch (mutations.random().nextInt(8)) {
            case 0, 1, 2, 3 -> "Bearer " + ALERT_TOKEN;
            case 4 -> null;
            case 5 -> "Bearer not-the-token";
            case 6 -> "Basic " + ALERT_TOKEN;
            default -> "Bearer " + mutations.mutate(ALERT_TOKEN);
        };
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        return new FuzzCase("alert", body, headers, ("Bearer " + ALERT_TOKEN).equals(authorization));
    }

    private FuzzCase localCase(int n) {
        String valid = local(
                mutations.pick(List.of("general", "inc-1-checkout-failing", "dm-alice")),
                mutations.pick(List.of("alice", "bob", "stranger")), mutations.pick(Corpus.COMMANDS), "req-" + n);
        byte[] body = mutations.random().nextInt(12) == 0 ? mutations.randomBytes()
                : (mutations.random().nextInt(6) == 0 ? valid : mutations.mutate(valid)).getBytes(StandardCharsets.UTF_8);
        return new FuzzCase("local", body, Map.of("Content-Type", "application/json"), true);
    }

    private static String alert(String status, String service, String severity, String group) {
        return """
                {"version":"4","groupKey":"%s","truncatedAlerts":0,"status":"%s","receiver":"warroom",
                 "groupLabels":{"alertname":"CheckoutErrors"},
                 "commonLabels":{"alertname":"CheckoutErrors","service":"%s","severity":"%s"},
                 "commonAnnotations":{"summary":"Checkout error rate above 5%%"},
                 "externalURL":"http://alertmanager:9093",
                 "alerts":[{"status":"%s","labels":{"alertname":"CheckoutErrors","service":"%s"},
                   "annotations":{"summary":"Checkout errors"},"startsAt":"2026-11-25T08:58:00Z",
                   "endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prometheus:9090/graph","fingerprint":"c0ffee"}]}
                """.formatted(group, status, service, severity, status, service);
    }

    private static String local(String channel, String user, String text, String requestId) {
        return "{\"channel\":" + quoted(channel) + ",\"user\":" + quoted(user) + ",\"text\":" + quoted(text)
                + ",\"requestId\":" + quoted(requestId) + "}";
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
