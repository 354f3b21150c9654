package dev.warroom.fuzz;

import dev.warroom.support.ScenarioTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.function.IntFunction;

import static io.restassured.RestAssured.given;

/** Base of the endpoint fuzz tests: stored changes counted from an empty database, and the checks every run ends with. */
abstract class EndpointFuzzTest extends ScenarioTest {

    @Inject
    StoredChanges changes;

    @BeforeEach
    void countStoredChanges() {
        changes.install();
    }

    @AfterEach
    void stopCounting() {
        changes.uninstall();
    }

    /** Sends {@link FuzzRun#CASES} cases; none may break the rules, and the app must be ready afterwards. */
    FuzzRun fuzz(String path, IntFunction<FuzzCase> cases) {
        FuzzRun run = new FuzzRun(changes).send(path, FuzzRun.CASES, cases);
        run.assertNothingBroke();
        given().get("/q/health/ready").then().statusCode(200);
        return run;
    }
}
