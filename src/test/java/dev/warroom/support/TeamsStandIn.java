package dev.warroom.support;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * WireMock standing in for Microsoft: Bot Framework's OpenID metadata and signing keys (an RSA key
 * generated here, endorsed for msteams), the login endpoint and the Bot Connector. Teams itself is
 * turned on only by {@link TeamsProfile}, so other tests keep their platforms.
 */
public class TeamsStandIn implements QuarkusTestResourceLifecycleManager {

    public static final String APP_ID = "7d3c7a5e-0000-4000-8000-00000000b07a";
    public static final String APP_PASSWORD = "teams-app-secret";
    public static final String TENANT = "3f0c0000-0000-4000-8000-00000000ten7";
    public static final String ISSUER = "https://api.botframework.com";
    public static final String KEY_ID = "warroom-test-key";
    public static final String WEBCHAT_KEY_ID = "webchat-only-key";

    public static final KeyPair KEY = generate();
    public static final KeyPair WEBCHAT_KEY = generate();
    public static final KeyPair STRANGER_KEY = generate();

    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    /** The service URL activities carry; the Bot Connector stand-in answers under it. */
    public static String serviceUrl() {
        return server.baseUrl() + "/teams/";
    }

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort());
            server.start();
            stubKeys(server);
        }
        return Map.of("warroom.teams.openid-metadata-url", server.baseUrl() + "/botframework/openidconfiguration",
                "warroom.teams.login-url", server.baseUrl() + "/login");
    }

    public static void stubKeys(WireMockServer server) {
        server.stubFor(get(urlEqualTo("/botframework/openidconfiguration")).willReturn(okJson("{\"issuer\":\"" + ISSUER
                + "\",\"authorization_endpoint\":\"https://invalid.example\",\"jwks_uri\":\"" + server.baseUrl()
                + "/botframework/keys\",\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                + "\"token_endpoint_auth_methods_supported\":[\"private_key_jwt\"]}")));
        server.stubFor(get(urlEqualTo("/botframework/keys")).willReturn(okJson("{\"keys\":["
                + jwk(KEY_ID, (RSAPublicKey) KEY.getPublic(), "msteams") + ","
                + jwk(WEBCHAT_KEY_ID, (RSAPublicKey) WEBCHAT_KEY.getPublic(), "webchat") + "]}")));
    }

    private static String jwk(String kid, RSAPublicKey key, String endorsement) {
        return "{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + kid + "\",\"n\":\"" + b64(key.getModulus())
                + "\",\"e\":\"" + b64(key.getPublicExponent()) + "\",\"endorsements\":[\"" + endorsement + "\"]}";
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A token as Bot Framework signs it for this bot and the stand-in's service URL, valid for an hour. */
    public static JWTCreator.Builder validClaims() {
        long now = System.currentTimeMillis(); // the SDK checks expiry against the system clock
        return JWT.create().withKeyId(KEY_ID).withIssuer(ISSUER).withAudience(APP_ID)
                .withClaim("serviceurl", serviceUrl())
                .withIssuedAt(new java.util.Date(now - 60_000))
                .withNotBefore(new java.util.Date(now - 60_000))
                .withExpiresAt(new java.util.Date(now + 3_600_000));
    }

    public static String sign(JWTCreator.Builder claims, KeyPair key) {
        return claims.sign(Algorithm.RSA256((RSAPublicKey) key.getPublic(), (RSAPrivateKey) key.getPrivate()));
    }

    public static String validToken() {
        return sign(validClaims(), KEY);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        // Kept for the whole run, like the database: Quarkus restarts the app between test profiles.
    }
}
