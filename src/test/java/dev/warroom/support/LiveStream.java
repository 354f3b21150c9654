package dev.warroom.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/** The dashboard's live stream ({@code /dashboard/changes}) read as a page's EventSource reads it: one data line an event. */
public final class LiveStream implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final Stream<String> lines;

    private LiveStream(Stream<String> lines) {
        this.lines = lines;
        Thread reader = new Thread(() -> {
            try {
                lines.filter(line -> line.startsWith("data:")).map(line -> line.substring("data:".length()).strip())
                        .forEach(events::add);
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        }, "live-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream (with a signed-in browser's cookies, if any); it is subscribed once this returns. */
    public static LiveStream open(URI changes, Map<String, String> cookies) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(changes).header("Accept", "text/event-stream");
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).as("status of " + changes).isEqualTo(200);
        return new LiveStream(response.body());
    }

    public static LiveStream open(URI changes) throws IOException, InterruptedException {
        return open(changes, Map.of());
    }

    /** The next event, waiting for it up to 15 s. */
    public String next() throws InterruptedException {
        String event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            fail("no live event within " + WAIT.toSeconds() + " s");
        }
        return event;
    }

    /** Every event up to and including the first that is {@code wanted}. */
    public List<String> until(String wanted) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        String event;
        do {
            event = next();
            seen.add(event);
        } while (!event.equals(wanted));
        return seen;
    }

    @Override
    public void close() {
        lines.close();
    }
}
