package dev.warroom.alert;

import dev.warroom.support.ScenarioTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import static dev.warroom.support.LocalChatClient.botTexts;
import static dev.warroom.support.LocalChatClient.lastBotText;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Alertmanager's webhook declares incidents once per alert group, and only with the shared secret. */
@QuarkusTest
class AlertmanagerWebhookTest extends ScenarioTest {

    static final String TOKEN = "test-alert-token";
    static final String GROUP = "{}/{service=\"payments-api\"}:{alertname=\"CheckoutErrors\"}";

    static String notification(String status, String service, String severity) {
        return """
                {"version":"4","groupKey":"%s","truncatedAlerts":0,"status":"%s","receiver":"warroom",
                 "groupLabels":{"alertname":"CheckoutErrors"},
                 "commonLabels":{"alertname":"CheckoutErrors","service":"%s","severity":"%s"},
                 "commonAnnotations":{"summary":"Checkout error rate above 5%%"},
                 "externalURL":"http://alertmanager:9093",
                 "alerts":[{"status":"%s","labels":{"alertname":"CheckoutErrors","service":"%s","instance":"pay-1"},
                   "annotations":{"summary":"Checkout error rate above 5%%"},"startsAt":"2026-11-25T08:58:00Z",
                   "endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prometheus:9090/graph","fingerprint":"c0ffee"}]}
                """.formatted(GROUP.replace("\"", "\\\""), status, service, severity, status, service);
    }

    static ValidatableResponse post(String authorization, String body) {
        var request = given().contentType("application/json").body(body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.post("/api/alerts/alertmanager").then();
    }

    static ValidatableResponse postSigned(String body) {
        return post("Bearer " + TOKEN, body);
    }

    static int incidentCount() {
        return given().get("/api/incidents").then().statusCode(200).extract().jsonPath().getList("$").size();
    }

    @Test
    void aFiringAlertDeclaresAnIncidentForTheServiceInItsLabels() {
        postSigned(notification("firing", "payments-api", "critical"))
                .statusCode(200).body("result", equalTo("declared")).body("incident", equalTo("INC-1"));

        var inc = incident("INC-1");
        assertThat(inc.getString("incident.service")).isEqualTo("payments-api");
        assertThat(inc.getString("incident.severity")).isEqualTo("high");
        assertThat(inc.getString("incident.title")).isEqualTo("Checkout error rate above 5%");
        assertThat(inc.getString("incident.declaredBy")).isEqualTo("Alertmanager");
        assertThat(inc.getList("timeline.details", String.class))
                .contains("Alertmanager: 1 alert firing (group " + GROUP + ")");
        assertThat(lastBotText("incidents")).isEqualTo("INC-1 declared: payments-api high — Checkout error rate above 5%. "
                + "Incident manager: Alice Smith. Channel: #inc-1-checkout-error-rate-above-5");
        assertThat(botTexts("inc-1-checkout-error-rate-above-5")).isNotEmpty();
    }

    @Test
    void theSameGroupFiringAgainAddsToTheTimelineInsteadOfDeclaringTwice() {
        postSigned(notification("firing", "payments-api", "critical")).statusCode(200);

        postSigned(notification("firing", "payments-api", "critical"))
                .statusCode(200).body("result", equalTo("updated")).body("incident", equalTo("INC-1"));

        assertThat(incidentCount()).isEqualTo(1);
        assertThat(incident("INC-1").getList("timeline.details", String.class))
                .contains("Alertmanager: 1 alert still firing: Checkout error rate above 5%");
        assertThat(timelineTypes("INC-1")).filteredOn("alert_firing"::equals).hasSize(2);
    }

    @Test
    void aResolvedNotificationIsToldInTheIncidentChannelAndTheIncidentStaysOpen() {
        postSigned(notification("firing", "payments-api", "critical")).statusCode(200);

        postSigned(notification("resolved", "payments-api", "critical"))
                .statusCode(200).body("result", equalTo("updated")).body("incident", equalTo("INC-1"));

        assertThat(lastBotText("inc-1-checkout-error-rate-above-5")).isEqualTo("✅ Alertmanager says Checkout error rate "
                + "above 5% has resolved. INC-1 stays open: `resolve <summary>` once the service is back to normal.");
        assertThat(incident("INC-1").getString("incident.status")).isEqualTo("open");
        assertThat(timelineTypes("INC-1")).contains("alert_resolved");
    }

    @Test
    void aResolvedNotificationWithoutAnIncidentIsIgnored() {
        postSigned(notification("resolved", "payments-api", "critical"))
                .statusCode(200).body("result", equalTo("ignored")).body("incident", nullValue())
                .body("reason", equalTo("No open incident for alert group " + GROUP + "."));
        assertThat(incidentCount()).isZero();
    }

    @Test
    void anAlertForAServiceWithoutAPlanIsIgnoredWithTheReason() {
        postSigned(notification("firing", "billing", "critical"))
                .statusCode(200).body("result", equalTo("ignored"))
                .body("reason", equalTo("No plan for service `billing`; services: identity-service, payments-api."));
        assertThat(incidentCount()).isZero();
    }

    @Test
    void severitiesAreMappedAndAnUnknownOneIsDeclaredAtTheGravest() {
        postSigned(notification("firing", "payments-api", "warning")).statusCode(200);
        assertThat(incident("INC-1").getString("incident.severity")).isEqualTo("medium");

        postSigned(notification("firing", "payments-api", "page-someone").replace("CheckoutErrors", "Latency"))
                .statusCode(200).body("incident", equalTo("INC-2"));
        assertThat(incident("INC-2").getString("incident.severity")).isEqualTo("high");
        assertThat(incident("INC-2").getList("timeline.details", String.class)).anyMatch(d ->
                d.endsWith("; severity `page-someone` is not mapped; declared as high"));
    }

    @Test
    void aMissingOrWrongTokenIsRefusedAndNothingIsDeclared() {
        String body = notification("firing", "payments-api", "critical");
        post(null, body).statusCode(401).body("error", equalTo("Missing or wrong bearer token."));
        post("Bearer wrong", body).statusCode(401).body("error", equalTo("Missing or wrong bearer token."));
        post(TOKEN, body).statusCode(401);
        assertThat(incidentCount()).isZero();
        assertThat(botTexts("incidents")).isEmpty();
    }

    @Test
    void malformedNotificationsAreRefusedWithTheReason() {
        postSigned("not json").statusCode(400).body("error", org.hamcrest.Matchers.startsWith(
                "The body is not Alertmanager's webhook JSON: "));
        postSigned("").statusCode(400).body("error", equalTo("The body must be Alertmanager's webhook JSON object."));
        postSigned(notification("firing", "payments-api", "critical").replace("\"version\":\"4\"", "\"version\":\"3\""))
                .statusCode(400).body("error", equalTo("Only Alertmanager webhook version 4 is supported; got `3`."));
        postSigned(notification("pending", "payments-api", "critical"))
                .statusCode(400).body("error", equalTo("`status` must be firing or resolved; got `pending`."));
        postSigned("{\"version\":\"4\",\"groupKey\":\"g\",\"status\":\"firing\",\"alerts\":[]}")
                .statusCode(400).body("error", equalTo("`alerts` must list at least one alert."));
        postSigned("{\"version\":\"4\",\"status\":\"firing\",\"alerts\":[{}]}")
                .statusCode(400).body("error", equalTo("`groupKey` is missing."));
        postSigned("{\"version\":\"4\",\"groupKey\":\"g\",\"status\":\"firing\",\"alerts\":{\"a\":1}}")
                .statusCode(400);
        assertThat(incidentCount()).isZero();
    }
}
