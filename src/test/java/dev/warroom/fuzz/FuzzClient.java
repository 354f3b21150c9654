package dev.warroom.fuzz;

import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.fail;

/**
 * Sends one fuzz case to the running test app and returns its status; a case that takes longer than the timeout
 * counts as a hang. HttpClient rather than RestAssured: ten thousand cases per endpoint, on one kept connection.
 */
final class FuzzClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** The app's quarkus.http.limits.max-header-size: headers beyond it are the HTTP layer's to refuse (431). */
    private static final long MAX_HEADER_BYTES = ConfigProvider.getConfig()
            .getValue("quarkus.http.limits.max-header-size", io.quarkus.runtime.configuration.MemorySize.class).asLongValue();

    private HttpClient client = newClient();

    record Answer(int status, String body) {}

    Answer post(String path, byte[] body, Map<String, String> headers, String describedAs) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .timeout(TIMEOUT).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            try {
                request.header(name, value);
            } catch (IllegalArgumentException notAHeaderValue) {
                // The JDK refuses control characters in header values; no client can send them, so skip the header.
            }
        });
        try {
            return send(request.build());
        } catch (HttpTimeoutException e) {
            return fail("no answer within " + TIMEOUT.toSeconds() + " s (a hang) for " + describedAs);
        } catch (IOException closedUnderUs) {
            // The server may close a kept connection after refusing the case before (e.g. a 400 for a broken
            // request line), and the JDK does not retry a POST: send once more on a new connection. A case that
            // breaks the server fails again.
            client = newClient();
            try {
                return send(request.build());
            } catch (IOException e) {
                if (headerBytes(headers) > MAX_HEADER_BYTES) {
                    // The server answers 431 as soon as the headers pass its limit and closes the connection, while
                    // the JDK is still sending them: it reads the close, not the 431 (seen with curl and a socket).
                    return new Answer(431, "");
                }
                return fail("connection failed (" + e + ") for " + describedAs);
            }
        }
    }

    private static long headerBytes(Map<String, String> headers) {
        return headers.entrySet().stream()
                .mapToLong(h -> (h.getKey() + ": " + h.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8).length).sum();
    }

    private Answer send(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    }
}
