package dev.warroom.web;

import dev.warroom.support.ScenarioTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.warroom.support.LocalChatClient.say;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** The JSON APIs: what they return, and a clear 400 or 404 (never a 500) for bad requests. */
@QuarkusTest
class ApiTest extends ScenarioTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not json|body must be JSON: {\"channel\": \"...\", \"user\": \"...\", \"text\": \"...\"}",
            "[1, 2]|body must be a JSON object with channel, user and text",
            "{\"user\": \"bob\", \"text\": \"hi\"}|channel is required and must be a non-empty string",
            "{\"channel\": \"general\", \"text\": \"hi\"}|user is required and must be a non-empty string",
            "{\"channel\": \"general\", \"user\": \"bob\", \"text\": \"  \"}|text is required and must be a non-empty string",
            "{\"channel\": \"general\", \"user\": \"bob\", \"text\": 42}|text is required and must be a non-empty string",
            "{\"channel\": \"general\", \"user\": \"warroom\", \"text\": \"hi\"}|user `warroom` is reserved for the bot"})
    void malformedLocalMessagesAreRefusedWithAReason(String body, String reason) {
        given().contentType(ContentType.JSON).body(body).post("/api/local/messages")
                .then().statusCode(400).body("error", equalTo(reason));

        given().queryParam("channel", "general").get("/api/local/messages").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aTooLongMessageIsRefused() {
        given().contentType(ContentType.JSON)
                .body("{\"channel\": \"general\", \"user\": \"bob\", \"text\": \"" + "x".repeat(4001) + "\"}")
                .post("/api/local/messages")
                .then().statusCode(400).body("error", equalTo("text is longer than 4000 characters"));
    }

    @Test
    void readingAChannelNeedsItsName() {
        given().get("/api/local/messages").then().statusCode(400)
                .body("error", equalTo("query parameter channel is required"));
    }

    @Test
    void messagesAreReadInOrderAfterAnId() {
        say("bob", "general", "hello");
        say("carol", "general", "hi bob");
        long first = given().queryParam("channel", "general").get("/api/local/messages").jsonPath().getLong("[0].id");

        given().queryParam("channel", "general").queryParam("after", first).get("/api/local/messages")
                .then().statusCode(200)
                .body("user", contains("carol"))
                .body("text", contains("hi bob"))
                .body("[0].ts", equalTo("2026-11-25T09:00:00Z"));
    }

    @Test
    void incidentsAreListedAndFilteredByStatus() {
        say("zoe", "general", "/incident declare payments-api low Slow refunds");
        say("zoe", "general", "/incident declare identity-service high Logins failing");
        say("alice", "inc-1-slow-refunds", "/incident resolve fixed");
        say("alice", "inc-1-slow-refunds", "/incident close");

        given().get("/api/incidents").then().statusCode(200).body("key", contains("INC-1", "INC-2"));
        given().queryParam("status", "open").get("/api/incidents").then().body("key", contains("INC-2"));
        given().queryParam("status", "closed").get("/api/incidents").then().body("key", contains("INC-1"))
                .body("[0].phase", equalTo("closed"));
        given().queryParam("status", "sideways").get("/api/incidents").then().statusCode(400)
                .body("error", equalTo("status must be open or closed, not `sideways`"));
    }

    @Test
    void anUnknownIncidentIs404() {
        given().get("/api/incidents/INC-404").then().statusCode(404).body("error", equalTo("No incident INC-404"));
        given().get("/api/incidents/nonsense").then().statusCode(404).body("error", equalTo("No incident nonsense"));
    }

    @Test
    void plansShowTheirHealth() {
        var plans = given().get("/api/plans").then().statusCode(200).extract().jsonPath();
        assertThat(plans.getList("service", String.class)).containsExactly("identity-service", "payments-api");
        assertThat(plans.getList("valid", Boolean.class)).containsOnly(true);
        assertThat(plans.getList("errors.flatten()")).isEmpty();
        assertThat(plans.getString("find { it.service == 'payments-api' }.reviewDue")).isEqualTo("2026-12-30");
        assertThat(plans.getBoolean("find { it.service == 'payments-api' }.stale")).isFalse();
    }

    @Test
    void theLocalChatListsPeopleAndChannels() {
        say("zoe", "general", "/incident declare payments-api low Slow refunds");

        given().get("/api/local/people").then().statusCode(200).body("find { it.id == 'alice' }.name", equalTo("Alice Smith"));
        given().queryParam("user", "alice").get("/api/local/channels").then().statusCode(200)
                .body("$", contains("general", "inc-1-slow-refunds", "@alice"));
    }
}
