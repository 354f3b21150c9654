package dev.warroom.ops;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The probes Kubernetes calls and the OpenAPI document that describes every /api endpoint. */
@QuarkusTest
class HealthAndApiDocsTest {

    @Test
    void livenessAndReadinessAreUpWithTheirChecksNamed() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        JsonPath ready = given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .extract().jsonPath();
        assertThat(ready.getList("checks.name", String.class))
                .contains("outbox backlog", "Database connections health check");
        assertThat(ready.getInt("checks.find { it.name == 'outbox backlog' }.data.limit")).isEqualTo(1000);
    }

    @Test
    void theOpenApiDocumentListsEveryApiEndpoint() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        assertThat(doc.getString("info.title")).isEqualTo("Warroom API");
        assertThat(doc.getMap("paths").keySet()).contains("/api/incidents", "/api/incidents/{key}", "/api/plans",
                "/api/plans/reload", "/api/alerts/alertmanager", "/api/local/messages");
    }
}
