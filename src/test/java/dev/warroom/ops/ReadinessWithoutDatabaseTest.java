package dev.warroom.ops;

import dev.warroom.support.DatabaseBehindProxyProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Readiness follows the database: down while it cannot be reached, up again when it is back; liveness stays up. */
@QuarkusTest
@TestProfile(DatabaseBehindProxyProfile.class)
class ReadinessWithoutDatabaseTest {

    @AfterEach
    void databaseBack() {
        DatabaseBehindProxyProfile.proxy.restore();
    }

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void readinessGoesDownWithTheDatabaseAndComesBack() {
        assertThat(jdbcUrl).contains(":" + DatabaseBehindProxyProfile.proxy.port() + "/");
        assertThat(readiness()).isEqualTo(200);

        DatabaseBehindProxyProfile.proxy.cut();
        assertThat(readinessWithin(Duration.ofSeconds(30), 503)).isEqualTo(503);
        given().get("/q/health/live").then().statusCode(200);
        String body = given().get("/q/health/ready").then().extract().asString();
        assertThat(body).contains("\"status\": \"DOWN\"");

        DatabaseBehindProxyProfile.proxy.restore();
        assertThat(readinessWithin(Duration.ofSeconds(30), 200)).isEqualTo(200);
    }

    private static int readiness() {
        return given().get("/q/health/ready").then().extract().statusCode();
    }

    /** Polls the probe as Kubernetes would, until it answers {@code expected} or the time is up. */
    private static int readinessWithin(Duration limit, int expected) {
        Instant end = Instant.now().plus(limit);
        int status = readiness();
        while (status != expected && Instant.now().isBefore(end)) {
            status = readiness();
        }
        return status;
    }
}
