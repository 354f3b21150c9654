package dev.warroom.support;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

/**
 * A Slack workspace that misbehaves on a fraction of calls, chosen by a seeded {@link Random}: 429 with
 * Retry-After, 500, 503, a reset connection, or a slow but good answer. It answers as a workspace with many channels
 * (conversations.create gives each name its own id, conversations.open each user their own DM, each post its own ts)
 * and keeps, in arrival order, every chat.postMessage it saw and whether it accepted it: what Slack's users would
 * see is the accepted ones. Stubs opt in with {@code .withTransformers(SlackFaults.NAME)}.
 */
public class SlackFaults implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "slack-faults";

    /** {@code ANSWER_LOST}: the call is carried out (a post is posted), then the connection drops before the answer. */
    public enum Kind { RATE_LIMITED, SERVER_ERROR, UNAVAILABLE, CONNECTION_RESET, SLOW, ANSWER_LOST }

    /** One chat.postMessage as the stand-in saw it; an accepted one is in the channel, with its ts and metadata. */
    public record Post(String channel, String thread, String text, boolean accepted, boolean answerLost, String ts,
                       String metadata) {
    }

    private static final Object LOCK = new Object();
    private static Random random = new Random(0);
    private static double faultRate;
    private static final List<Post> POSTS = new ArrayList<>();
    private static final Map<Kind, Integer> INJECTED = new EnumMap<>(Kind.class);
    private static final AtomicLong TS = new AtomicLong();

    /** From now on a {@code rate} fraction of calls misbehave (0: none), drawn from {@code seed}; the record restarts. */
    public static void start(long seed, double rate) {
        synchronized (LOCK) {
            random = new Random(seed);
            faultRate = rate;
            POSTS.clear();
            INJECTED.clear();
        }
    }

    public static List<Post> posts() {
        synchronized (LOCK) {
            return List.copyOf(POSTS);
        }
    }

    public static Map<Kind, Integer> injected() {
        synchronized (LOCK) {
            return Map.copyOf(INJECTED);
        }
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        String method = event.getRequest().getUrl().substring(event.getRequest().getUrl().lastIndexOf('/') + 1);
        Map<String, String> form = FormBody.fields(event.getRequest().getBodyAsString());
        Kind fault;
        int delay;
        String ts = null;
        synchronized (LOCK) {
            fault = draw();
            delay = 300 + random.nextInt(500); // well inside the client's 10 s read timeout
            if (fault != null) {
                INJECTED.merge(fault, 1, Integer::sum);
            }
            if (method.equals("chat.postMessage")) {
                boolean posted = fault == null || fault == Kind.SLOW || fault == Kind.ANSWER_LOST;
                ts = posted ? "1764061200." + String.format("%06d", TS.incrementAndGet()) : null;
                POSTS.add(new Post(form.get("channel"), form.get("thread_ts"), form.get("text"), posted,
                        fault == Kind.ANSWER_LOST, ts, form.get("metadata")));
            }
        }
        ResponseDefinitionBuilder answer = fault == null || fault == Kind.SLOW ? good(method, form, ts) : bad(fault);
        if (fault == Kind.SLOW) {
            answer.withFixedDelay(delay);
        }
        return answer.build();
    }

    private static Kind draw() {
        if (random.nextDouble() >= faultRate) {
            return null;
        }
        Kind[] kinds = Kind.values();
        return kinds[random.nextInt(kinds.length)];
    }

    private static ResponseDefinitionBuilder bad(Kind fault) {
        return switch (fault) {
            case RATE_LIMITED -> aResponse().withStatus(429).withHeader("Retry-After", "1");
            case SERVER_ERROR -> aResponse().withStatus(500).withBody("internal error");
            case UNAVAILABLE -> aResponse().withStatus(503).withBody("<html>Service Unavailable</html>");
            case CONNECTION_RESET, ANSWER_LOST -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
            case SLOW -> throw new IllegalArgumentException("a slow answer is a good one");
        };
    }

    private static ResponseDefinitionBuilder good(String method, Map<String, String> form, String ts) {
        return switch (method) {
            case "conversations.create" -> okJson("{\"ok\":true,\"channel\":{\"id\":\"" + channelId(form.get("name"))
                    + "\",\"name\":\"" + form.get("name") + "\"}}");
            case "conversations.open" -> okJson("{\"ok\":true,\"channel\":{\"id\":\"D" + form.get("users") + "\"}}");
            case "chat.postMessage" -> okJson("{\"ok\":true,\"ts\":\"" + ts + "\"}");
            case "conversations.history" -> history(form.get("channel"), null);
            case "conversations.replies" -> history(form.get("channel"), form.get("ts"));
            default -> okJson("{\"ok\":true}");
        };
    }

    /** The channel's posts (thread null) or a thread's replies, newest first as Slack gives them, with metadata. */
    private static ResponseDefinitionBuilder history(String channel, String thread) {
        List<String> messages = new ArrayList<>();
        for (Post post : posts()) {
            if (post.accepted() && post.channel().equals(channel) && java.util.Objects.equals(post.thread(), thread)) {
                messages.add(0, "{\"type\":\"message\",\"ts\":\"" + post.ts() + "\""
                        + (post.metadata() == null ? "" : ",\"metadata\":" + post.metadata()) + "}");
            }
        }
        return okJson("{\"ok\":true,\"messages\":[" + String.join(",", messages) + "],\"has_more\":false}");
    }

    /** The id the stand-in gives the channel of that name. */
    public static String channelId(String name) {
        return "C" + name.toUpperCase().replace("-", "");
    }
}
