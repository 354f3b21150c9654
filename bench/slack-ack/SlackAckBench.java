import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongFunction;
import java.util.stream.Stream;

/**
 * Slack ack benchmark (issue 3): how fast Warroom acknowledges signed slash commands on {@code POST /slack/events},
 * beside a bare endpoint of the same running app. Not a test; run with {@code java bench/slack-ack/SlackAckBench.java}
 * from the repository root after {@code ./mvnw -B -q package -DskipTests} (or use {@code bench/slack-ack/run.sh}).
 *
 * <p>It starts a Slack Web API stand-in (answers {@code {"ok":true,...}} to every method), starts the packaged jar as
 * a child process pointed at it (its own embedded PostgreSQL in a temporary folder), warms up, then measures for a
 * fixed time each, with a fixed number of closed-loop clients on 127.0.0.1:
 * <ol>
 *   <li>bare: {@code GET /api/local/people} (in memory, a blocking REST method like the Slack one);</li>
 *   <li>{@code /incident help} (cheap core work: one transaction and one outbox reply);</li>
 *   <li>{@code /incident status INC-1} (reads and locks an incident, one outbox reply).</li>
 * </ol>
 * Between phases it waits (bounded) until the app has finished the work the acks promised (one {@code chat.postMessage}
 * per command reaches the stand-in), so one phase's backlog does not slow the next. Then it stops the app with
 * SIGTERM and waits, so Quarkus and the embedded PostgreSQL shut down cleanly.
 *
 * <p>Settings (system properties, {@code -Dname=value}): {@code clients} (50), {@code seconds} (15), {@code warmup}
 * (15, seconds per kind of request, while the JIT compiles the paths measured), {@code drainSeconds} (300, the
 * longest wait for the work to finish),
 * {@code jar} (target/quarkus-app/quarkus-run.jar), {@code appJavaOpts} (extra JVM options for the app, space separated),
 * {@code keepLog} (true: the app's log is kept and its path printed).
 */
public class SlackAckBench {

    static final String SECRET = "bench-signing-secret-0123456789abcdef";
    static final String TOKEN = "xoxb-bench-token";
    static final String CHANNEL = "C0BENCH";
    static final String USER = "U01ALICE"; // alice, a person of the shipped plans

    /** Closed-loop clients, one measurement round per level: -Dclients=1,10,50,200 for rising concurrency. */
    static final List<Integer> LEVELS = java.util.Arrays.stream(System.getProperty("clients", "50").split(","))
            .map(String::trim).map(Integer::parseInt).toList();
    static final int MAX_CLIENTS = LEVELS.stream().mapToInt(Integer::intValue).max().orElse(50);
    /** The clients of the round being measured. */
    static volatile int clientsNow = MAX_CLIENTS;
    /** Channels the measured commands come from, in turn (1: all in CHANNEL, so their replies go out one by one). */
    static final int CHANNELS = Integer.getInteger("channels", 1);
    static final int SECONDS = Integer.getInteger("seconds", 15);
    static final int WARMUP = Integer.getInteger("warmup", 15);
    static final int DRAIN_SECONDS = Integer.getInteger("drainSeconds", 300);
    /** How long the app may take to start (its embedded PostgreSQL's first start included); long on a busy machine. */
    static final int START_SECONDS = Integer.getInteger("startSeconds", 300);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** The app's WARROOM_CHAT_WORK_QUEUE: the work waiting in memory; the production default unless -Dqueue. */
    static final int QUEUE = Integer.getInteger("queue", 1000);
    /**
     * The app's WARROOM_CHAT_WORK_BACKLOG: the stored work waiting beyond the queue, as ids. Large by default, so that
     * every request of a measurement is taken and the acks are measured as such (the production default, 100000, is
     * reached in 15 s at 7000 acks/s, and then the figures are of 503s); -Dbacklog=100000 measures the default.
     */
    static final int BACKLOG = Integer.getInteger("backlog", 1_000_000);
    /** On 503, wait Retry-After as Slack does before it re-sends, instead of sending the next request at once. */
    static final boolean BACK_OFF = Boolean.getBoolean("backOff");

    static final AtomicLong TRIGGER = new AtomicLong();
    /** Slash commands acknowledged with 200: each one promises a reply in the channel. */
    static final LongAdder ACKED = new LongAdder();
    static final Map<String, LongAdder> STAND_IN_CALLS = new ConcurrentHashMap<>();
    /** chat.postMessage calls beyond one per command: declare's own posts (summary, checklist, DMs...). */
    static volatile long extraPosts;

    public static void main(String[] args) throws Exception {
        // The JDK server leaves Nagle on by default: its header and body writes then wait for the client's
        // delayed ACK, ~40 ms per Web API call, which would make the stand-in, not the app, the bottleneck.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Path repo = Path.of("").toAbsolutePath();
        Path jar = repo.resolve(System.getProperty("jar", "target/quarkus-app/quarkus-run.jar"));
        Path plans = repo.resolve("manifests/plans");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(plans)) {
            System.err.println("Run from the repository root after `./mvnw -B -q package -DskipTests` (missing "
                    + (Files.isRegularFile(jar) ? plans : jar) + ")");
            System.exit(2);
        }
        String load = loadAverage();
        System.out.println("load average at the start: " + load);
        if (!load.isEmpty() && Double.parseDouble(load) > 0.5) {
            System.out.println("warning: other processes share these cores and will skew the latencies and rates;"
                    + " the CPU time per command (below the table) moves less");
        }
        Path work = Files.createTempDirectory("warroom-bench-");
        Path log = work.resolve("app.log");

        HttpServer slack = startSlackStandIn();
        int port = freePort();
        Process app = startApp(jar, plans, work, log, port, slack.getAddress().getPort());
        appPid = app.pid();
        pgPidFile = work.resolve("data/postgres/postmaster.pid");
        Thread stopOnExit = new Thread(() -> stop(app, work), "bench-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);

        boolean ok = false;
        ExecutorService clients = Executors.newFixedThreadPool(MAX_CLIENTS);
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();
            String base = "http://127.0.0.1:" + port;
            long started = System.nanoTime();
            awaitReady(http, base, app);
            double coldStart = (System.nanoTime() - started) / 1e9;
            System.out.printf("app ready in %.1f s (pid %d, port %d, %d cores, clients %s, %d s per measurement)%n",
                    coldStart, app.pid(), port, Runtime.getRuntime().availableProcessors(), LEVELS, SECONDS);
            System.out.printf("app: WARROOM_CHAT_WORK_QUEUE=%d, WARROOM_CHAT_WORK_BACKLOG=%d%s; on 503 the clients %s%n",
                    QUEUE, BACKLOG, BACKLOG > 100_000 ? " (not the default 100000: every request of a measurement is"
                            + " taken, so the acks are measured, not refusals)" : "",
                    BACK_OFF ? "wait Retry-After, as Slack does (-DbackOff=true)" : "send their next request at once");

            LongFunction<HttpRequest> bare = n -> HttpRequest.newBuilder(URI.create(base + "/api/local/people"))
                    .timeout(REQUEST_TIMEOUT).GET().build();
            LongFunction<HttpRequest> help = n -> slashCommand(base, "help", channel(n));
            LongFunction<HttpRequest> status = n -> slashCommand(base, "status INC-1", channel(n));

            // The incident `status INC-1` reads, declared through Slack like a user would.
            send(http, slashCommand(base, "declare payments-api low Bench incident", CHANNEL));
            awaitIncident(http, base, "INC-1");
            Thread.sleep(3000); // declare's posts: channel, card, checklist, DMs
            awaitQuiet();
            extraPosts = posts() - ACKED.sum();

            System.out.println("warming up...");
            run(clients, http, bare, WARMUP);
            run(clients, http, help, WARMUP);
            awaitDrained("warm-up help", DRAIN_SECONDS);
            run(clients, http, status, WARMUP);
            awaitDrained("warm-up status", DRAIN_SECONDS);

            List<String> summary = new ArrayList<>();
            for (int level : LEVELS) {
                clientsNow = level;
                System.out.println("measuring with " + level + " clients...");
                Result bareResult = run(clients, http, bare, SECONDS).named("bare GET /api/local/people");
                Result helpResult = measureSlack(clients, http, help, "slack /incident help");
                Result statusResult = measureSlack(clients, http, status, "slack /incident status INC-1");
                print(bareResult, List.of(helpResult, statusResult));
                for (Result r : List.of(helpResult, statusResult)) {
                    summary.add(String.format(Locale.ROOT, "| %d | %s | %.1f ms | %.1f ms | %.2fx | %.0f | %d | %s |",
                            level, r.name().replace("slack ", "`") + "`", r.percentileMillis(50), r.percentileMillis(99),
                            r.percentileMillis(99) / bareResult.percentileMillis(99), r.throughput(),
                            r.errors() + r.refused(), rate(r.workPerSecond())));
                }
                summary.add(String.format(Locale.ROOT, "| %d | bare `GET /api/local/people` | %.1f ms | %.1f ms | 1x | %.0f | %d | - |",
                        level, bareResult.percentileMillis(50), bareResult.percentileMillis(99), bareResult.throughput(),
                        bareResult.errors()));
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "==== Slack ack benchmark: cold start %.1f s (embedded PostgreSQL included), "
                    + "load average %s%n", coldStart, loadAverage());
            System.out.println("| clients | request | p50 | p99 | p99 / bare p99 | acks/s | errors + 503s | work/s |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            summary.forEach(System.out::println);
            ok = true;
        } finally {
            clients.shutdownNow();
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException exiting) {
                // the hook runs
            }
            stop(app, work);
            slack.stop(0);
            if (ok && !Boolean.parseBoolean(System.getProperty("keepLog", "false"))) {
                deleteTree(work);
            } else {
                System.out.println("app log: " + log);
            }
        }
        System.exit(0); // the HttpClient's threads
    }

    // load

    /**
     * {@code refused}: 503 answers, Warroom's work queue and backlog being full (the request was not taken; Slack
     * re-sends).
     */
    record Result(String name, long[] nanos, long errors, long refused, double seconds, String firstError,
                  double workPerSecond, double drainWorkPerSecond, double drainSeconds, Map<String, Double> cpuPerCommand) {
        Result named(String n) {
            return new Result(n, nanos, errors, refused, seconds, firstError, workPerSecond, drainWorkPerSecond,
                    drainSeconds, cpuPerCommand);
        }

        double throughput() {
            return nanos.length / seconds;
        }

        double percentileMillis(double p) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * nanos.length) - 1;
            return nanos[Math.max(0, Math.min(nanos.length - 1, index))] / 1e6;
        }
    }

    /**
     * Slack-request measurement, then the wait until the promised work is done (its replies reached Slack). The work
     * rate is replies per second from the start of the measurement until the last reply (or the drain bound).
     */
    static Result measureSlack(ExecutorService clients, HttpClient http, LongFunction<HttpRequest> request, String name)
            throws Exception {
        long before = posts();
        Map<String, Long> cpuBefore = cpuTicks();
        Result acks = run(clients, http, request, SECONDS);
        long atEnd = posts();
        long backlog = ACKED.sum() + extraPosts - atEnd;
        double drain = awaitDrained(name, DRAIN_SECONDS);
        // The drain's own rate: the app working through its backlog with no requests arriving (the quiet wait at the
        // end of the drain is not work). Undefined when the backlog was too small to time.
        double drainWork = backlog < 100 || Double.isNaN(drain) ? Double.NaN
                : (posts() - atEnd) / Math.max(0.001, drain - QUIET_SECONDS);
        System.out.printf(Locale.ROOT, "  %s: %d acked, %d not yet handled when the measurement ended%n", name,
                acks.nanos.length, backlog);
        Map<String, Long> cpuAfter = cpuTicks();
        long finished = Math.max(1, posts() - before);
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpuUsed(cpuBefore, cpuAfter).forEach((group, ticks) -> cpu.put(group, ticks * 1000.0 / CLOCK_TICKS / finished));
        return new Result(name, acks.nanos, acks.errors, acks.refused, acks.seconds, acks.firstError,
                (atEnd - before) / acks.seconds, drainWork, drain, cpu);
    }

    /** {@link #clientsNow} closed-loop clients for {@code seconds}: every response is awaited before the next request. */
    static Result run(ExecutorService clients, HttpClient http, LongFunction<HttpRequest> requests, int seconds)
            throws Exception {
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        LongAdder errors = new LongAdder();
        LongAdder refused = new LongAdder();
        String[] firstError = new String[1];
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clientsNow; c++) {
            futures.add(clients.submit(() -> {
                long[] nanos = new long[4096];
                int count = 0;
                long n = 0;
                while (System.nanoTime() < end) {
                    HttpRequest request = requests.apply(n++);
                    long t0 = System.nanoTime();
                    String error;
                    try {
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() == 503) {
                            refused.increment();
                            if (BACK_OFF) {
                                backOff(response, end);
                            }
                            continue;
                        }
                        error = response.statusCode() == 200 ? null : "HTTP " + response.statusCode();
                        if (error == null && request.method().equals("POST")) {
                            ACKED.increment();
                        }
                    } catch (IOException e) {
                        error = e.toString();
                    }
                    long took = System.nanoTime() - t0;
                    if (error != null) {
                        errors.increment();
                        synchronized (firstError) {
                            if (firstError[0] == null) {
                                firstError[0] = error;
                            }
                        }
                        continue;
                    }
                    if (count == nanos.length) {
                        nanos = Arrays.copyOf(nanos, count * 2);
                    }
                    nanos[count++] = took;
                }
                return Arrays.copyOf(nanos, count);
            }));
        }
        long[] all = new long[0];
        for (Future<long[]> f : futures) {
            long[] part = f.get();
            int at = all.length;
            all = Arrays.copyOf(all, at + part.length);
            System.arraycopy(part, 0, all, at, part.length);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Arrays.sort(all);
        return new Result("", all, errors.sum(), refused.sum(), elapsed, firstError[0], Double.NaN, Double.NaN,
                Double.NaN, Map.of());
    }

    /** Waits as the 503's Retry-After asks (1 s when it does not say), but not past the measurement's end. */
    static void backOff(HttpResponse<?> refused, long end) throws InterruptedException {
        long seconds = refused.headers().firstValue("Retry-After").map(v -> {
            try {
                return Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                return 1L;
            }
        }).orElse(1L);
        long until = Math.min(end, System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(1, seconds)));
        long wait = until - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    static String channel(long n) {
        return CHANNELS <= 1 ? CHANNEL : CHANNEL + (n % CHANNELS);
    }

    static HttpRequest slashCommand(String base, String text, String channel) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "gIkuvaNzQIHg97ATvDxqgjtO");
        form.put("team_id", "T0WARROOM");
        form.put("team_domain", "warroom-bench");
        form.put("channel_id", channel);
        form.put("channel_name", "incidents");
        form.put("user_id", USER);
        form.put("user_name", "alice");
        form.put("command", "/incident");
        form.put("text", text);
        form.put("api_app_id", "A0WARROOM");
        form.put("is_enterprise_install", "false");
        form.put("response_url", "https://hooks.slack.com/commands/T0WARROOM/1234567890/abcdefABCDEF0123");
        // Unique per request: Warroom treats a repeated trigger id as Slack re-sending the same command.
        form.put("trigger_id", "bench." + ProcessHandle.current().pid() + "." + TRIGGER.incrementAndGet());
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        String raw = body.toString();
        long ts = System.currentTimeMillis() / 1000;
        return HttpRequest.newBuilder(URI.create(base + "/slack/events"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", Long.toString(ts))
                .header("X-Slack-Signature", sign(ts, raw))
                .POST(HttpRequest.BodyPublishers.ofString(raw))
                .build();
    }

    static String sign(long ts, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void send(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " → HTTP " + response.statusCode() + ": " + response.body());
        }
        ACKED.increment();
    }

    // Slack stand-in

    /**
     * Answers every Web API method with {@code ok}. The shapes differ per method where Slack's client parses them:
     * {@code chat.postMessage} has {@code channel} as a string, {@code conversations.*} as an object, and
     * {@code auth.test} needs a {@code team_id} (the Slack SDK's per-team statistics call auth.test before every
     * call until it learns the token's team). One fixed answer for everything made every chat.postMessage fail
     * to parse, so the outbox never got past its first message.
     */
    static HttpServer startSlackStandIn() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        byte[] conversation = "{\"ok\":true,\"ts\":\"1.1\",\"channel\":{\"id\":\"C1\"}}".getBytes(StandardCharsets.UTF_8);
        byte[] message = "{\"ok\":true,\"ts\":\"1.1\",\"channel\":\"C1\"}".getBytes(StandardCharsets.UTF_8);
        byte[] auth = ("{\"ok\":true,\"url\":\"https://warroom-bench.slack.com/\",\"team\":\"bench\",\"user\":\"warroom\","
                + "\"team_id\":\"T0WARROOM\",\"user_id\":\"U0WARBOT\",\"bot_id\":\"B0WARBOT\"}").getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
                String path = exchange.getRequestURI().getPath();
                String method = path.substring(path.lastIndexOf('/') + 1);
                STAND_IN_CALLS.computeIfAbsent(method, k -> new LongAdder()).increment();
                byte[] answer = method.equals("auth.test") ? auth
                        : method.startsWith("chat.") || method.startsWith("pins.") ? message : conversation;
                exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        return server;
    }

    static long posts() {
        LongAdder n = STAND_IN_CALLS.get("chat.postMessage");
        return n == null ? 0 : n.sum();
    }

    static final double QUIET_SECONDS = 0.5;

    /**
     * Waits until the app has sent one reply per acked slash command so far (every command here answers in the
     * channel) and the count holds still; returns the seconds waited, or NaN when the bound was reached.
     */
    static double awaitDrained(String what, int maxSeconds) throws InterruptedException {
        long commands = ACKED.sum();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(maxSeconds);
        long expectedAtLeast = commands + extraPosts;
        long nextReport = start + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (posts() >= expectedAtLeast) {
                long seen = posts();
                Thread.sleep((long) (QUIET_SECONDS * 1000));
                if (posts() == seen) {
                    return (System.nanoTime() - start) / 1e9;
                }
                continue;
            }
            if (System.nanoTime() > nextReport) {
                System.out.printf("  (%s: waiting for the app to finish: %d of %d replies sent)%n", what,
                        posts() - extraPosts, commands);
                nextReport += TimeUnit.SECONDS.toNanos(30);
            }
            Thread.sleep(100);
        }
        System.out.printf("  (%s: after %d s, %d replies to %d acked commands reached Slack; going on)%n", what,
                maxSeconds, posts() - extraPosts, commands);
        return Double.NaN;
    }

    static void awaitQuiet() throws InterruptedException {
        long seen;
        do {
            seen = STAND_IN_CALLS.values().stream().mapToLong(LongAdder::sum).sum();
            Thread.sleep(1000);
        } while (seen != STAND_IN_CALLS.values().stream().mapToLong(LongAdder::sum).sum());
    }

    // the app

    static Process startApp(Path jar, Path plans, Path work, Path log, int port, int slackPort) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String opts = System.getProperty("appJavaOpts", "").trim();
        if (!opts.isEmpty()) {
            command.addAll(Arrays.asList(opts.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SLACK_BOT_TOKEN", TOKEN);
        env.put("SLACK_SIGNING_SECRET", SECRET);
        env.put("SLACK_API_URL", "http://127.0.0.1:" + slackPort + "/api/");
        env.put("WARROOM_DATA_DIR", work.resolve("data").toString());
        env.put("WARROOM_PLANS_DIR", plans.toString());
        env.put("PORT", Integer.toString(port));
        env.put("WARROOM_CHAT_WORK_QUEUE", Integer.toString(QUEUE));
        env.put("WARROOM_CHAT_WORK_BACKLOG", Integer.toString(BACKLOG));
        // -DappEnv=NAME=value,NAME=value: other settings to try (WARROOM_CHAT_WORK_THREADS, WARROOM_OUTBOX_WORKERS...)
        for (String pair : System.getProperty("appEnv", "").split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                env.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        env.remove("QUARKUS_DATASOURCE_JDBC_URL");
        return builder.start();
    }

    static void awaitReady(HttpClient http, String base, Process app) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the app exited with " + app.exitValue() + " before it was ready");
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/api/local/people")).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the app was not ready within " + START_SECONDS + " s (-DstartSeconds)");
    }

    static void awaitIncident(HttpClient http, String base, String key) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (System.nanoTime() < deadline) {
            if (http.send(HttpRequest.newBuilder(URI.create(base + "/api/incidents/" + key)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(key + " was not declared within " + START_SECONDS + " s (-DstartSeconds)");
    }

    /** SIGTERM, then wait: Quarkus stops, then its hook stops the embedded PostgreSQL. Forced only as a last resort. */
    static synchronized void stop(Process app, Path work) {
        if (!app.isAlive()) {
            return;
        }
        List<ProcessHandle> children = app.descendants().toList();
        app.destroy();
        try {
            if (!app.waitFor(90, TimeUnit.SECONDS)) {
                System.err.println("the app did not stop within 90 s; killing it");
                app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // The embedded PostgreSQL must be gone with the app; its postmaster.pid is removed on a clean stop.
        Path pidFile = work.resolve("data/postgres/postmaster.pid");
        List<ProcessHandle> left = new ArrayList<>(children.stream().filter(ProcessHandle::isAlive).toList());
        try {
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
                ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(left::add);
            }
        } catch (IOException | RuntimeException ignored) {
            // best effort
        }
        if (!left.isEmpty()) {
            System.err.println("processes left after the app stopped, stopping them: "
                    + left.stream().map(p -> Long.toString(p.pid())).toList());
            left.forEach(ProcessHandle::destroy);
        } else {
            System.out.println("app stopped (exit " + app.exitValue() + "), embedded PostgreSQL stopped");
        }
    }

    // output

    static void print(Result bare, List<Result> slack) {
        System.out.println();
        System.out.printf("%-30s %9s %9s %9s %10s %7s %7s %10s %12s %9s%n", "endpoint (" + clientsNow + " clients, " + SECONDS + " s)",
                "p50 ms", "p99 ms", "max ms", "req/s", "errors", "503s", "work/s", "drain work/s", "drain s");
        for (Result r : Stream.concat(Stream.of(bare), slack.stream()).toList()) {
            System.out.printf(Locale.ROOT, "%-30s %9.2f %9.2f %9.2f %10.0f %7d %7d %10s %12s %9s%n", r.name(), r.percentileMillis(50),
                    r.percentileMillis(99), r.percentileMillis(100), r.throughput(), r.errors(), r.refused(),
                    rate(r.workPerSecond()), rate(r.drainWorkPerSecond()),
                    Double.isNaN(r.drainSeconds()) ? (Double.isNaN(r.workPerSecond()) ? "-" : ">" + DRAIN_SECONDS)
                            : String.format(Locale.ROOT, "%.1f", r.drainSeconds()));
        }
        System.out.println();
        System.out.println("acks, the targets of issue 3: p99 <= 3x bare and <= 50 ms; >= 1000 acks/s; 0 errors, 0 503s"
                + " (WARROOM_CHAT_WORK_QUEUE=" + QUEUE + ", WARROOM_CHAT_WORK_BACKLOG=" + BACKLOG + ")");
        for (Result r : slack) {
            double ratio = r.percentileMillis(99) / bare.percentileMillis(99);
            boolean pass = ratio <= 3 && r.percentileMillis(99) <= 50 && r.throughput() >= 1000 && r.errors() == 0
                    && r.refused() == 0;
            System.out.printf(Locale.ROOT, "%-30s p99 %.2f ms / bare p99 %.2f ms = %.2fx   p50 ratio %.2fx   %s%n", r.name(),
                    r.percentileMillis(99), bare.percentileMillis(99), ratio,
                    r.percentileMillis(50) / bare.percentileMillis(50), pass ? "PASS" : "MISS");
            if (r.firstError() != null) {
                System.out.println("  first error: " + r.firstError());
            }
        }
        System.out.println("work, its own figure (no target in issue 3): commands finished per second, their reply"
                + " sent to Slack");
        for (Result r : slack) {
            System.out.printf(Locale.ROOT, "%-30s %s/s while taking requests, %s/s draining the backlog alone%n", r.name(),
                    rate(r.workPerSecond()), rate(r.drainWorkPerSecond()));
        }
        if (bare.firstError() != null) {
            System.out.println("bare first error: " + bare.firstError());
        }
        System.out.println("CPU ms per finished command, from the start of the measurement to the end of the drain"
                + " (acks: HTTP threads and the inbox's committer; work: chat-work threads; outbox: delivery threads;"
                + " other: Quartz, scheduler,"
                + " JFR...; ended threads: what threads that ended meanwhile used in it; postgres: the embedded database):");
        for (Result r : slack) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-30s", r.name()));
            double total = 0;
            for (Map.Entry<String, Double> group : r.cpuPerCommand().entrySet()) {
                line.append(String.format(Locale.ROOT, " %s %.2f", group.getKey(), group.getValue()));
                total += group.getValue();
            }
            System.out.println(line.append(String.format(Locale.ROOT, "   total %.2f", total)));
        }
        System.out.println("Slack stand-in calls: " + new java.util.TreeMap<>(Map.copyOf(
                STAND_IN_CALLS.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> e.getValue().sum())))));
        System.out.println("503s: requests refused because Warroom's work queue and backlog were full (not taken;"
                + " Slack re-sends)");
        System.out.println("req/s: acks per second; work/s: commands the app finished (reply sent to Slack) per second"
                + " during the measurement; drain work/s: the same after it, with no requests arriving (- when less than"
                + " 100 waited); drain s: how long after the measurement the app took to finish the acked commands");
        System.out.println("load average at the end: " + loadAverage());
    }

    // CPU time, from /proc: less moved by other processes than latencies and rates are

    static final double CLOCK_TICKS = 100; // USER_HZ on Linux
    static volatile long appPid;
    /** Thread-name prefixes of the app's JVM (Linux keeps 15 characters of a name), and what they do. */
    static final List<Map.Entry<String, String>> THREAD_GROUPS = List.of(
            Map.entry("vert.x-eventloo", "acks"), Map.entry("executor-thread", "acks"), Map.entry("chat-inbox", "acks"),
            Map.entry("chat-work", "work"), Map.entry("outbox", "outbox"),
            Map.entry("GC ", "gc"), Map.entry("G1 ", "gc"), Map.entry("VM Thread", "gc"),
            Map.entry("C1 ", "jit"), Map.entry("C2 ", "jit"));

    static final List<String> CPU_GROUPS = List.of("acks", "work", "outbox", "gc", "jit", "other", "ended threads",
            "postgres");
    static final String THREAD = "thread ";

    /**
     * CPU ticks (user + system) used so far: by each live thread of the app ("thread <tid> <group>"), by the whole app
     * ("app", which keeps the ticks of threads that have ended), by the embedded PostgreSQL ("postgres": its
     * postmaster, the backends it waited for, and its live backends). Empty where /proc is not there.
     */
    static Map<String, Long> cpuTicks() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        long[] used = new long[2];
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(appPid), "task"))) {
            for (Path task : tasks.toList()) {
                String name = statOf(task.resolve("stat"), used);
                if (name != null) {
                    String group = THREAD_GROUPS.stream().filter(g -> name.startsWith(g.getKey()))
                            .map(Map.Entry::getValue).findFirst().orElse("other");
                    ticks.put(THREAD + task.getFileName() + " " + group, used[0]);
                }
            }
            if (statOf(Path.of("/proc", Long.toString(appPid), "stat"), used) == null) {
                return Map.of();
            }
            ticks.put("app", used[0]);
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        ticks.put("postgres", 0L);
        postmaster().ifPresent(postmaster -> {
            if (statOf(Path.of("/proc", Long.toString(postmaster.pid()), "stat"), used) != null) {
                ticks.merge("postgres", used[0] + used[1], Long::sum);
            }
            postmaster.descendants().forEach(backend -> {
                if (statOf(Path.of("/proc", Long.toString(backend.pid()), "stat"), used) != null) {
                    ticks.merge("postgres", used[0], Long::sum);
                }
            });
        });
        return ticks;
    }

    /**
     * Ticks used between two {@link #cpuTicks()}, by group. Each thread is diffed against itself, so a pool thread that
     * ends in between does not take its earlier ticks out of its group: what the app used beyond its live threads'
     * share is "ended threads". Empty when either is empty.
     */
    static Map<String, Long> cpuUsed(Map<String, Long> before, Map<String, Long> after) {
        if (before.isEmpty() || after.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> used = new LinkedHashMap<>();
        CPU_GROUPS.forEach(group -> used.put(group, 0L));
        long threads = 0;
        for (Map.Entry<String, Long> thread : after.entrySet()) {
            if (thread.getKey().startsWith(THREAD)) {
                long diff = thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
                used.merge(thread.getKey().substring(thread.getKey().lastIndexOf(' ') + 1), diff, Long::sum);
                threads += diff;
            }
        }
        used.put("ended threads", after.get("app") - before.get("app") - threads);
        used.put("postgres", after.get("postgres") - before.get("postgres"));
        return used;
    }

    static volatile Path pgPidFile;

    static java.util.Optional<ProcessHandle> postmaster() {
        try {
            long pid = Long.parseLong(Files.readAllLines(pgPidFile).get(0).trim());
            return ProcessHandle.of(pid);
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The thread's or process's name; its utime + stime into {@code used[0]}, and the cutime + cstime of the children
     * it waited for into {@code used[1]}; null when it is gone.
     */
    static String statOf(Path stat, long[] used) {
        try {
            String line = Files.readString(stat);
            int open = line.indexOf('('), close = line.lastIndexOf(')');
            String[] fields = line.substring(close + 2).split(" ");
            used[0] = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15)
            used[1] = Long.parseLong(fields[13]) + Long.parseLong(fields[14]); // cutime, cstime (16 and 17)
            return line.substring(open + 1, close);
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    static String rate(double perSecond) {
        return Double.isNaN(perSecond) ? "-" : String.format(Locale.ROOT, "%.0f", perSecond);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
