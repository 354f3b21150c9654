package dev.warroom.support;

import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;

import static io.restassured.RestAssured.given;

/** Base of scenario tests: an empty database and the clock at {@link TestClock#START} before each test. */
public abstract class ScenarioTest {

    @Inject
    protected TestDatabase database;
    @Inject
    protected TestClock clock;

    @BeforeEach
    void startFromNothing() {
        database.reset();
        clock.set(TestClock.START);
    }

    /** Everything the read API knows about an incident. */
    protected static JsonPath incident(String key) {
        return given().get("/api/incidents/" + key).then().statusCode(200).extract().jsonPath();
    }

    protected static List<String> timelineTypes(String key) {
        return incident(key).getList("timeline.type", String.class);
    }
}
