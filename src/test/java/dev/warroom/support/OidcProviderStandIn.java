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
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * WireMock standing in for an OpenID Connect provider (as Entra ID or Sign in with Slack would be): the discovery
 * document, the signing keys (an RSA key generated here) and the token endpoint. Its login page is the test itself:
 * a test reads the authorization redirect and comes back with a code it registered with {@link #codeFor}.
 * A test class that names it with {@code @WithTestResource} runs with sign-in on against it.
 */
public class OidcProviderStandIn implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "warroom-dashboard";
    /** At least 32 characters: Quarkus also encrypts the session cookie with it. */
    public static final String CLIENT_SECRET = "dashboard-client-secret-0123456789abcdef";
    public static final String KEY_ID = "idp-test-key";
    public static final KeyPair KEY = generate();
    public static final KeyPair STRANGER_KEY = generate();

    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        return Map.of("warroom.oidc.auth-server-url", issuer(),
                "warroom.oidc.client-id", CLIENT_ID,
                "warroom.oidc.client-secret", CLIENT_SECRET);
    }

    @Override
    public void stop() {
        // Kept for the whole run, like the other stand-ins.
    }

    public static synchronized String issuer() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort());
            server.start();
            String issuer = server.baseUrl() + "/idp";
            server.stubFor(get(urlEqualTo("/idp/.well-known/openid-configuration")).willReturn(okJson("{\"issuer\":\""
                    + issuer + "\",\"authorization_endpoint\":\"" + issuer + "/authorize\",\"token_endpoint\":\"" + issuer
                    + "/token\",\"jwks_uri\":\"" + issuer + "/jwks\",\"response_types_supported\":[\"code\"],"
                    + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}")));
            server.stubFor(get(urlEqualTo("/idp/jwks")).willReturn(okJson("{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\","
                    + "\"alg\":\"RS256\",\"kid\":\"" + KEY_ID + "\",\"n\":\"" + b64(((RSAPublicKey) KEY.getPublic()).getModulus())
                    + "\",\"e\":\"" + b64(((RSAPublicKey) KEY.getPublic()).getPublicExponent()) + "\"}]}")));
        }
        return server.baseUrl() + "/idp";
    }

    /** Claims of a token this provider issues to Warroom for a user, valid for an hour. */
    public static JWTCreator.Builder claims(String subject, Map<String, String> userClaims) {
        long now = System.currentTimeMillis(); // the OIDC library checks expiry against the system clock
        JWTCreator.Builder builder = JWT.create().withKeyId(KEY_ID).withIssuer(issuer()).withAudience(CLIENT_ID)
                .withSubject(subject).withIssuedAt(new Date(now - 60_000)).withExpiresAt(new Date(now + 3_600_000));
        userClaims.forEach(builder::withClaim);
        return builder;
    }

    public static String sign(JWTCreator.Builder claims, KeyPair key) {
        return claims.sign(Algorithm.RSA256((RSAPublicKey) key.getPublic(), (RSAPrivateKey) key.getPrivate()));
    }

    /** A bearer token for the API, signed by the provider's key. */
    public static String token(String subject, Map<String, String> userClaims) {
        return sign(claims(subject, userClaims), KEY);
    }

    /** Registers an authorization code that the token endpoint exchanges for this user's tokens. */
    public static String codeFor(String subject, Map<String, String> userClaims) {
        String code = "code-" + subject;
        String token = token(subject, userClaims);
        issuer();
        server.stubFor(post(urlEqualTo("/idp/token")).withRequestBody(containing("code=" + code))
                .willReturn(okJson("{\"access_token\":\"" + token + "\",\"id_token\":\"" + token
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        return code;
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
}
