package dev.warroom.ops;

import dev.warroom.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
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
                .contains("outbox backlog", "Database connections health check", "timer scheduler");
        assertThat(ready.getInt("checks.find { it.name == 'outbox backlog' }.data.limit")).isEqualTo(1000);
        // The tests halt Quartz on purpose (they fire timers themselves): the check says so rather than pretend.
        assertThat(ready.getString("checks.find { it.name == 'timer scheduler' }.data.state")).isEqualTo("halted");
        assertThat(ready.getString("checks.find { it.name == 'timer scheduler' }.data.reason"))
                .isEqualTo("quarkus.scheduler.start-mode=halted: timers fire only when asked to");
    }

    @Inject
    TestDatabase database;
    @Inject
    EntityManager entityManager;

    @Test
    void readinessFailsOnlyWhenMessagesForAnEnabledPlatformPileUp() {
        database.reset();
        waiting("teams", 1001); // Teams is off in this profile: its messages wait by design
        given().get("/q/health/ready").then().statusCode(200);

        waiting("local", 1001);
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        assertThat(given().get("/q/health/ready").then().extract().jsonPath()
                .getInt("checks.find { it.name == 'outbox backlog' }.data.pending")).isEqualTo(1001);
        database.reset();
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Transactional
    void waiting(String platform, int count) {
        entityManager.createNativeQuery("insert into outbox_message (created_at, destination_kind, destination, body,"
                        + " status, next_attempt_at, platform) select now(), 'CHANNEL', 'backlog', '{}', 'PENDING',"
                        + " now() + interval '1 day', ?1 from generate_series(1, ?2)")
                .setParameter(1, platform).setParameter(2, count).executeUpdate();
    }

    @Test
    void theOpenApiDocumentListsEveryApiEndpoint() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        assertThat(doc.getString("info.title")).isEqualTo("Warroom API");
        assertThat(doc.getMap("paths").keySet()).contains("/api/incidents", "/api/incidents/{key}", "/api/plans",
                "/api/plans/reload", "/api/alerts/alertmanager", "/api/local/messages");
    }
}
