package dev.warroom.web.dashboard;

import dev.warroom.support.OidcProviderStandIn;
import dev.warroom.support.RefusingPort;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Sign-in configured, but the identity provider does not answer: a clear 503, not a 500 or a hanging page. */
@QuarkusTest
@TestProfile(SignInProviderDownTest.ProviderDown.class)
class SignInProviderDownTest {

    static final String UNAVAILABLE =
            "Sign-in is unavailable: the identity provider does not answer. Chat commands still work.";

    /** A provider address where nothing listens. */
    public static class ProviderDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("warroom.oidc.auth-server-url", "http://127.0.0.1:" + RefusingPort.number() + "/idp",
                    "warroom.oidc.client-id", OidcProviderStandIn.CLIENT_ID,
                    "warroom.oidc.client-secret", OidcProviderStandIn.CLIENT_SECRET);
        }
    }

    @Test
    void pagesAndTheApiAnswer503WithTheReason() {
        for (String path : new String[] {"/dashboard", "/dashboard/plans", "/", "/api/incidents"}) {
            given().redirects().follow(false).get(path).then().statusCode(503).header("Retry-After", "30")
                    .body(equalTo(UNAVAILABLE));
        }
    }

    @Test
    void healthAndThePlatformsOwnEndpointsDoNotDependOnIt() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/signed-out").then().statusCode(200);
    }
}
