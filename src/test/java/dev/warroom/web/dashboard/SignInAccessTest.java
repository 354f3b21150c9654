package dev.warroom.web.dashboard;

import dev.warroom.command.Actor;
import dev.warroom.command.CommandRequest;
import dev.warroom.incident.IncidentCommandService;
import dev.warroom.notify.PlatformRouter;
import dev.warroom.support.OidcProviderStandIn;
import dev.warroom.support.ScenarioTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * Sign-in on, against an OpenID Connect provider stood in by WireMock: pages redirect to it, the API wants its
 * bearer tokens, platform webhooks keep their own checks, and a restricted incident (identity-service's
 * {@code token-leak}) is seen only by its responders and escalation levels.
 */
@QuarkusTest
@WithTestResource(OidcProviderStandIn.class)
class SignInAccessTest extends ScenarioTest {

    /** Judy Okafor: identity-service's communications liaison, so a responder in every identity incident. */
    private static final Map<String, String> JUDY = Map.of("email", "Judy@Example.com", "name", "Judy O.");
    /** Alice Smith: in the identity-service plan, but neither a responder there nor on an escalation level. */
    private static final Map<String, String> ALICE = Map.of("email", "alice@example.com", "name", "Alice S.");
    /** Heidi Novak has no email contact: Sign in with Slack's user id claim finds her (a technical expert). */
    private static final Map<String, String> HEIDI_BY_SLACK = Map.of("https://slack.com/user_id", "U02HEIDI");
    private static final Map<String, String> STRANGER = Map.of("email", "someone@elsewhere.example", "name", "Some One");

    @Inject
    IncidentCommandService commands;

    @BeforeEach
    void twoIncidentsOneRestricted() {
        declare("/incident declare identity-service high type=token-leak Signing key in a public repo");
        declare("/incident declare payments-api low Refund delays");
    }

    @Test
    void anonymousPagesAreRedirectedToTheProvider() {
        Response response = given().redirects().follow(false).get("/dashboard");

        assertThat(response.statusCode()).isEqualTo(302);
        URI location = URI.create(response.header("Location"));
        assertThat(location.getScheme() + "://" + location.getAuthority() + location.getPath())
                .isEqualTo(OidcProviderStandIn.issuer() + "/authorize");
        Map<String, String> query = query(location);
        assertThat(query).containsEntry("client_id", OidcProviderStandIn.CLIENT_ID).containsEntry("response_type", "code");
        assertThat(query.get("scope")).contains("openid").contains("email");
        assertThat(query.get("redirect_uri")).endsWith("/dashboard/signed-in");

        given().redirects().follow(false).get("/dashboard/plans").then().statusCode(302);
        given().redirects().follow(false).get("/").then().statusCode(302);
    }

    @Test
    void anonymousApiCallsAre401() {
        given().get("/api/incidents").then().statusCode(401);
        given().get("/api/incidents/INC-2").then().statusCode(401);
        given().get("/api/plans").then().statusCode(401);
        given().get("/api/local/people").then().statusCode(401);
    }

    @Test
    void badTokensAre401() {
        given().auth().oauth2(OidcProviderStandIn.sign(OidcProviderStandIn.claims("judy", JUDY), OidcProviderStandIn.STRANGER_KEY))
                .get("/api/incidents").then().statusCode(401);
        given().auth().oauth2(OidcProviderStandIn.sign(OidcProviderStandIn.claims("judy", JUDY)
                .withExpiresAt(new Date(System.currentTimeMillis() - 3_600_000)), OidcProviderStandIn.KEY))
                .get("/api/incidents").then().statusCode(401);
        given().auth().oauth2(OidcProviderStandIn.sign(OidcProviderStandIn.claims("judy", JUDY)
                .withAudience("another-app"), OidcProviderStandIn.KEY))
                .get("/api/incidents").then().statusCode(401);
    }

    @Test
    void platformWebhooksAndHealthKeepTheirOwnChecks() {
        // Each answers with its own verdict (Slack's signature check; Teams is off here): OIDC never steps in,
        // not even for a bearer token that is not ours.
        given().contentType("application/x-www-form-urlencoded").body("command=%2Fincident&text=help")
                .post("/slack/events").then().statusCode(401)
                .body("error", equalTo("missing X-Slack-Request-Timestamp or X-Slack-Signature"));
        given().auth().oauth2("a-bot-framework-token").contentType("application/json").body("{}")
                .post("/api/messages").then().statusCode(404)
                .body("error", equalTo("Teams is not configured: set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD"));
        given().auth().oauth2("not-the-alert-token").contentType("application/json").body("{}")
                .post("/api/alerts/alertmanager").then().statusCode(401).body("error", equalTo("Missing or wrong bearer token."));
        given().auth().oauth2("test-alert-token").contentType("application/json").body("{}")
                .post("/api/alerts/alertmanager").then().statusCode(400);
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void theLocalChatApiIsClosedEvenToSignedInPeople() {
        given().auth().oauth2(OidcProviderStandIn.token("judy", JUDY)).get("/api/local/people")
                .then().statusCode(403).body("error", equalTo("The local chat is off while sign-in is on: use Slack or Teams"));
        given().auth().oauth2(OidcProviderStandIn.token("judy", JUDY)).queryParam("channel", "general")
                .get("/api/local/messages").then().statusCode(403);
        given().auth().oauth2(OidcProviderStandIn.token("judy", JUDY)).contentType("application/json")
                .body("{\"channel\": \"general\", \"user\": \"judy\", \"text\": \"/incident list\"}")
                .post("/api/local/messages").then().statusCode(403);
    }

    @Test
    void aResponderSeesTheRestrictedIncidentInTheApi() {
        given().auth().oauth2(OidcProviderStandIn.token("judy", JUDY)).get("/api/incidents")
                .then().statusCode(200).body("key", contains("INC-1", "INC-2"));
        given().auth().oauth2(OidcProviderStandIn.token("judy", JUDY)).get("/api/incidents/INC-1")
                .then().statusCode(200).body("incident.type", equalTo("token-leak"));
        given().auth().oauth2(OidcProviderStandIn.token("heidi", HEIDI_BY_SLACK)).get("/api/incidents/INC-1")
                .then().statusCode(200);
    }

    @Test
    void othersDoNotSeeTheRestrictedIncidentInTheApi() {
        for (Map<String, String> user : new Map[] {ALICE, STRANGER}) {
            given().auth().oauth2(OidcProviderStandIn.token("someone", user)).get("/api/incidents")
                    .then().statusCode(200).body("key", contains("INC-2"));
            given().auth().oauth2(OidcProviderStandIn.token("someone", user)).get("/api/incidents/INC-1")
                    .then().statusCode(404).body("error", equalTo("No incident INC-1"));
            given().auth().oauth2(OidcProviderStandIn.token("someone", user)).get("/api/incidents/INC-2")
                    .then().statusCode(200);
        }
    }

    @Test
    void signingInOnThePagesShowsWhoYouAreAndOnlyWhatYouMaySee() {
        Map<String, String> judy = signIn("judy", JUDY, "/dashboard/incidents/INC-1");
        String page = PageText.of(given().cookies(judy).get("/dashboard/incidents/INC-1").then().statusCode(200)
                .extract().asString());
        assertThat(page).contains("Signed in as Judy Okafor").doesNotContain("Local mode");
        assertThat(page).contains("INC-1 · Signing key in a public repo restricted");
        assertThat(PageText.incidentKeys(given().cookies(judy).get("/dashboard").then().statusCode(200).extract().asString()))
                .isEqualTo("INC-2 INC-1");

        Map<String, String> alice = signIn("alice", ALICE, "/dashboard");
        assertThat(PageText.of(given().cookies(alice).get("/dashboard").then().statusCode(200).extract().asString()))
                .contains("Signed in as Alice Smith").doesNotContain("Signing key");
        assertThat(PageText.of(given().cookies(alice).get("/dashboard/incidents/INC-1").then().statusCode(404)
                .extract().asString())).contains("No incident INC-1.");
        given().cookies(alice).get("/dashboard/incidents/INC-1/report.md").then().statusCode(404);
        assertThat(PageText.of(given().cookies(alice).get("/dashboard/plans").then().statusCode(200).extract().asString()))
                .contains("identity-service — valid").doesNotContain("Chat");
    }

    @Test
    void signingOutEndsWarroomsSessionAndNeedsNoSignInToSayItIsDone() {
        Map<String, String> judy = signIn("judy", JUDY, "/dashboard");
        assertThat(PageText.of(given().cookies(judy).get("/dashboard").then().statusCode(200).extract().asString()))
                .contains("Signed in as Judy Okafor Sign out");

        Response out = given().redirects().follow(false).cookies(judy).post("/dashboard/sign-out");

        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.header("Location")).endsWith("/signed-out");
        Map<String, String> browser = new LinkedHashMap<>(judy);
        out.detailedCookies().asList().stream().filter(c -> c.getName().startsWith("q_session")).forEach(c -> {
            assertThat(c.getMaxAge()).as(c.getName() + " is removed").isZero();
            browser.remove(c.getName());
        });
        assertThat(browser.keySet()).noneMatch(name -> name.startsWith("q_session"));
        given().redirects().follow(false).cookies(browser).get("/dashboard").then().statusCode(302);
        assertThat(PageText.of(given().redirects().follow(false).get("/signed-out").then().statusCode(200).extract()
                .asString())).contains("Signed out You are signed out of Warroom. Sign in again");
    }

    /**
     * The authorization code flow as a browser goes through it: the page redirects to the provider, the provider
     * (here, the test) sends the browser back with a code, Warroom exchanges it and sets its session cookie.
     */
    private static Map<String, String> signIn(String subject, Map<String, String> claims, String path) {
        Response challenge = given().redirects().follow(false).get(path);
        assertThat(challenge.statusCode()).isEqualTo(302);
        Map<String, String> query = query(URI.create(challenge.header("Location")));
        Map<String, String> cookies = new LinkedHashMap<>(challenge.cookies());
        URI back = URI.create(query.get("redirect_uri"));
        Response callback = given().redirects().follow(false).cookies(cookies)
                .queryParam("code", OidcProviderStandIn.codeFor(subject, claims)).queryParam("state", query.get("state"))
                .get(back.getPath());
        assertThat(callback.statusCode()).as(callback.asString()).isEqualTo(302);
        assertThat(callback.header("Location")).endsWith(path);
        cookies.putAll(callback.cookies());
        return cookies;
    }

    private void declare(String text) {
        commands.handle(new CommandRequest(text, Actor.stranger("zoe"), PlatformRouter.LOCAL, "general", null));
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2)).collect(Collectors.toMap(
                p -> p[0], p -> URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8), (a, b) -> b,
                LinkedHashMap::new));
    }
}
