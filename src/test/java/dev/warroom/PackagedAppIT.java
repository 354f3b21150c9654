package dev.warroom;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.warroom.database.EmbeddedDatabase;
import dev.warroom.support.FormBody;
import dev.warroom.support.SlackApiStandIn;
import dev.warroom.support.SlackFaults;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The packaged jar, run as users run it: {@code java -jar target/quarkus-app/quarkus-run.jar} with its own embedded
 * PostgreSQL under WARROOM_DATA_DIR. Run by failsafe after {@code package}.
 */
class PackagedAppIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
    private static final Path PLANS = Path.of("manifests/plans").toAbsolutePath();
    private static final Path LOG_DIR = Path.of("target/packaged-app-it").toAbsolutePath();
    // Generous: on a machine shared with other builds a start has taken over two minutes.
    private static final Duration READY_WITHIN = Duration.ofMinutes(5);
    private static final Duration STOP_WITHIN = Duration.ofSeconds(60);
    private static final Duration SERVER_GONE_WITHIN = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final List<Path> tempDirs = new ArrayList<>();
    private static final List<Path> dataDirs = new ArrayList<>();
    private static int runs;

    private final List<App> apps = new ArrayList<>();

    @RegisterExtension
    final TestWatcher printLogsOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            for (App app : apps) {
                System.err.println("===== output of " + app.name + " (" + app.log + ")");
                try {
                    System.err.println(Files.readString(app.log));
                } catch (IOException e) {
                    System.err.println("(cannot read: " + e + ")");
                }
            }
        }
    };

    @BeforeAll
    static void jarIsPackaged() throws IOException {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: run `./mvnw verify` (the IT needs the packaged jar)");
        Files.createDirectories(LOG_DIR);
    }

    @AfterEach
    void stopApps() throws InterruptedException {
        for (App app : apps) {
            if (app.process.isAlive()) {
                app.process.destroyForcibly();
                app.process.waitFor(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    /** Whatever happened, leave no PostgreSQL server running on our data folders, and no temp folders. */
    @AfterAll
    static void leaveNothingRunning() throws Exception {
        for (Path dataDir : dataDirs) {
            Optional<ProcessHandle> server = postgresServer(dataDir);
            if (server.isPresent()) {
                System.err.println("Stopping a PostgreSQL server left on " + dataDir + ": pid " + server.get().pid());
                server.get().destroy(); // SIGTERM: smart shutdown, no clients are left
                if (!waitGone(server.get(), SERVER_GONE_WITHIN)) {
                    server.get().destroyForcibly();
                    waitGone(server.get(), SERVER_GONE_WITHIN);
                }
            }
        }
        for (Path dir : tempDirs) {
            deleteTree(dir);
        }
    }

    @Test
    void dataSurvivesAHardKillAndNumberingContinues() throws Exception {
        Path data = tempDir("warroom-it-data");
        dataDirs.add(data.resolve("postgres"));

        App first = start(data);
        JsonNode posted = post(first, "/api/local/messages", Map.of("channel", "general", "user", "zoe",
                "text", "/incident declare payments-api high Checkout failing"));
        assertEquals("/incident declare payments-api high Checkout failing", posted.get("text").asText());
        JsonNode inc1 = getJson(first, "/api/incidents/INC-1");
        assertEquals("payments-api", inc1.at("/incident/service").asText());
        assertEquals("Checkout failing", inc1.at("/incident/title").asText());
        JsonNode timelineBefore = inc1.get("timeline");
        assertFalse(timelineBefore.isEmpty(), "INC-1 has a timeline");
        JsonNode generalBefore = getJson(first, "/api/local/messages?channel=general");
        assertFalse(generalBefore.isEmpty(), "#general has messages");

        long serverPid = postgresServer(data.resolve("postgres")).map(ProcessHandle::pid)
                .orElseThrow(() -> new AssertionError("no running PostgreSQL in " + data.resolve("postgres/postmaster.pid")));

        first.process.destroyForcibly(); // like kill -9: no shutdown hook runs, PostgreSQL is not stopped
        assertTrue(first.process.waitFor(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS), "killed app exits");
        boolean serverSurvived = ProcessHandle.of(serverPid).map(ProcessHandle::isAlive).orElse(false);
        System.out.println("PostgreSQL (pid " + serverPid + ") after the app was killed: "
                + (serverSurvived ? "still running" : "gone"));

        App second = start(data);
        assertFalse(ProcessHandle.of(serverPid).map(ProcessHandle::isAlive).orElse(false),
                "the server left by the killed app (pid " + serverPid + ") was stopped");
        JsonNode inc1After = getJson(second, "/api/incidents/INC-1");
        assertEquals(inc1.get("incident"), inc1After.get("incident"));
        JsonNode timelineAfter = inc1After.get("timeline");
        assertTrue(timelineAfter.size() >= timelineBefore.size(), "timeline kept: " + timelineAfter);
        for (int i = 0; i < timelineBefore.size(); i++) {
            assertEquals(timelineBefore.get(i), timelineAfter.get(i), "timeline event " + i);
        }
        // The outbox may still deliver replies that were pending at the kill: the old messages come first, unchanged.
        JsonNode generalAfter = getJson(second, "/api/local/messages?channel=general");
        assertTrue(generalAfter.size() >= generalBefore.size(), "#general kept: " + generalAfter);
        for (int i = 0; i < generalBefore.size(); i++) {
            assertEquals(generalBefore.get(i), generalAfter.get(i), "#general message " + i);
        }

        post(second, "/api/local/messages", Map.of("channel", "general", "user", "zoe",
                "text", "/incident declare payments-api low Slow refunds"));
        JsonNode inc2 = getJson(second, "/api/incidents/INC-2");
        assertEquals("Slow refunds", inc2.at("/incident/title").asText());
        assertEquals(List.of("INC-1", "INC-2"), getJson(second, "/api/incidents").findValuesAsText("key"));

        long secondServerPid = postgresServer(data.resolve("postgres")).map(ProcessHandle::pid)
                .orElseThrow(() -> new AssertionError("no running PostgreSQL after the restart"));
        second.process.destroy(); // SIGTERM: shutdown hooks stop the embedded server
        assertTrue(second.process.waitFor(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS), "app stops within " + STOP_WITHIN);
        assertDatabaseStoppedAfterTheApp(Files.readString(second.log), second);
        Optional<ProcessHandle> server = ProcessHandle.of(secondServerPid);
        assertTrue(server.isEmpty() || waitGone(server.get(), SERVER_GONE_WITHIN),
                "PostgreSQL (pid " + secondServerPid + ") stopped with the app");
        assertTrue(postgresServer(data.resolve("postgres")).isEmpty(), "no PostgreSQL left on " + data);
    }

    /**
     * After a reboot or a container restart, the {@code postmaster.pid} left by a crash can name a pid that now
     * belongs to another process (in a container, often one of the app's own threads); that must not block the start.
     */
    @Test
    void aPidFileNamingAnotherLiveProcessDoesNotBlockTheStart() throws Exception {
        Path data = tempDir("warroom-it-reused-pid");
        Path pgData = data.resolve("postgres");
        dataDirs.add(pgData);

        App first = start(data);
        List<String> pidFile = Files.readAllLines(pgData.resolve("postmaster.pid"));
        first.process.destroy();
        assertTrue(first.process.waitFor(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS), "app stops within " + STOP_WITHIN);
        assertFalse(Files.exists(pgData.resolve("postmaster.pid")), "a clean stop removes postmaster.pid");

        // Stands for whatever process got the old server's pid; PostgreSQL and `pg_ctl stop` would signal it.
        Process notPostgres = new ProcessBuilder("sleep", "600").start();
        try {
            List<String> stale = new ArrayList<>(pidFile);
            stale.set(0, Long.toString(notPostgres.pid()));
            Files.write(pgData.resolve("postmaster.pid"), stale);

            App second = start(data);
            assertEquals(200, HTTP.send(HttpRequest.newBuilder(uri(second, "/api/incidents")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            second.process.destroy();
            assertTrue(second.process.waitFor(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS), "app stops within " + STOP_WITHIN);
            assertTrue(notPostgres.isAlive(), "the process that had the pid was left alone");
        } finally {
            notPostgres.destroyForcibly();
        }
    }

    @Test
    void aSecondAppOnTheSameDataRefusesAndLeavesTheFirstRunning() throws Exception {
        Path data = tempDir("warroom-it-in-use");
        dataDirs.add(data.resolve("postgres"));
        App first = start(data);

        ProcessBuilder builder = new ProcessBuilder(java(), "-jar", JAR.toString()).redirectErrorStream(true);
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        builder.environment().put("WARROOM_DATA_DIR", data.toString());
        builder.environment().put("PORT", "0");
        builder.environment().put("WARROOM_PLANS_DIR", PLANS.toString());
        Process second = builder.start();
        String output = new String(second.getInputStream().readAllBytes());
        assertTrue(second.waitFor(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS), "the second app gives up");

        assertEquals(1, second.exitValue(), output);
        assertTrue(output.contains("is in use by another running Warroom; stop it first or set WARROOM_DATA_DIR to "
                + "another folder."), output);
        assertEquals(200, HTTP.send(HttpRequest.newBuilder(uri(first, "/api/incidents")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode(), "the first app still serves");
    }

    /** Slack is down while an incident is declared and the app is killed; after a restart the messages go out. */
    @Test
    void messagesWaitingWhenTheAppDiedAreDeliveredAfterItStartsAgain() throws Exception {
        Path data = tempDir("warroom-it-outbox");
        dataDirs.add(data.resolve("postgres"));
        int slackPort = freePort(); // nothing listens there yet: Slack is unreachable
        String secret = "it-signing-secret";
        Map<String, String> slackEnv = Map.of("SLACK_BOT_TOKEN", "xoxb-it", "SLACK_SIGNING_SECRET", secret,
                "SLACK_API_URL", "http://127.0.0.1:" + slackPort + "/api/");
        App first = start(data, slackEnv);

        HttpResponse<String> ack = slashCommand(first, secret, "declare payments-api high Checkout failing", "trigger-it-1");
        assertEquals(200, ack.statusCode(), ack.body());
        awaitTrue(() -> HTTP.send(HttpRequest.newBuilder(uri(first, "/api/incidents/INC-1")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200, "INC-1 declared");
        first.process.destroyForcibly();
        assertTrue(first.process.waitFor(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS));

        WireMockServer slack = slackStandIn(slackPort);
        try {
            start(data, slackEnv);
            awaitTrue(() -> posts(slack).stream().anyMatch(p -> p.getOrDefault("text", "")
                    .contains("INC-1 declared: payments-api high — Checkout failing")), "the declare reply reached Slack");
            awaitTrue(() -> posts(slack).size() >= 6, "the channel posts and direct messages reached Slack");
            assertEquals(1, slack.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/api/conversations.create"))).size());
        } finally {
            slack.stop();
        }
    }

    /**
     * The crash test: a scripted incident (declare, a status update, a step done) while Slack is unreachable, so its
     * messages wait in the outbox, and killed (-9) before the manager's acknowledgement timer is due. After a restart
     * with Slack back, every timeline event from before the kill is there, unchanged; each message that was waiting
     * reaches Slack once (every post carries its outbox id: no id twice); the acknowledgement timer fires once.
     */
    @Test
    void aScriptedIncidentKilledMidWayLosesNothingAndDoublesNothing() throws Exception {
        Path data = tempDir("warroom-it-crash");
        dataDirs.add(data.resolve("postgres"));
        Map<String, String> env = new java.util.HashMap<>(Map.of("WARROOM_PLANS_DIR", plansAcknowledgedWithin10s().toString()));
        int slackPort = freePort(); // nothing listens there yet: Slack is unreachable
        String secret = "it-signing-secret";
        env.putAll(Map.of("SLACK_BOT_TOKEN", "xoxb-it", "SLACK_SIGNING_SECRET", secret,
                "SLACK_API_URL", "http://127.0.0.1:" + slackPort + "/api/"));
        App first = start(data, env);

        // Each command is acknowledged at once and applied just after: the next waits until it shows.
        Map<String, String> script = new java.util.LinkedHashMap<>();
        script.put("declare payments-api high Checkout failing", "Checkout failing");
        script.put("update INC-1 Failover under way", "Failover under way");
        script.put("done INC-1 1", "Step 1 done: ");
        for (Map.Entry<String, String> step : script.entrySet()) {
            HttpResponse<String> ack = slashCommand(first, secret, step.getKey(), "trigger-" + Math.abs(step.getKey().hashCode()));
            assertEquals(200, ack.statusCode(), step.getKey() + ": " + ack.body());
            awaitTrue(() -> timeline(first).toString().contains(step.getValue()), "applied: " + step.getKey());
        }
        JsonNode before = timeline(first);
        first.process.destroyForcibly(); // like kill -9
        assertTrue(first.process.waitFor(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS), "killed app exits");

        WireMockServer slack = slackStandIn(slackPort);
        try {
            App second = start(data, env);
            JsonNode after = getJson(second, "/api/incidents/INC-1").get("timeline");
            assertTrue(after.size() >= before.size(), "timeline kept: " + after);
            for (int i = 0; i < before.size(); i++) {
                assertEquals(before.get(i), after.get(i), "timeline event " + i);
            }
            String fromAlice = "No acknowledgement from Alice Smith within 10s";
            // Bob's 10 s timer firing next shows Alice's is done; it must have fired once.
            awaitTrue(() -> posts(slack).stream().anyMatch(p -> p.getOrDefault("text", "").contains("No acknowledgement from Bob Jones")),
                    "the acknowledgement timers fired after the restart");
            List<Map<String, String>> posts = posts(slack);
            assertEquals(1, posts.stream().filter(p -> p.getOrDefault("channel", "").startsWith("C")
                    && p.getOrDefault("text", "").contains(fromAlice)).count(), posts.toString());
            for (String waiting : List.of("INC-1 declared: payments-api high — Checkout failing", "Failover under way",
                    "Step 1 done by Alice Smith")) {
                assertTrue(posts.stream().anyMatch(p -> p.getOrDefault("text", "").contains(waiting)), "reached Slack: " + waiting);
            }
            List<String> outboxIds = posts.stream().map(PackagedAppIT::outboxId).toList();
            assertEquals(List.of(), outboxIds.stream().filter(String::isEmpty).toList(), "every post names its outbox id");
            assertEquals(outboxIds.size(), new java.util.HashSet<>(outboxIds).size(), "no message posted twice: " + outboxIds);
        } finally {
            slack.stop();
        }
    }

    /**
     * The cluster test: two packaged apps on one PostgreSQL, 1,000 incidents declared through signed Slack commands
     * spread over both, each with its first status-update reminder due a minute later. Counted at the Slack stand-in:
     * every incident's channel gets that reminder exactly once (none missed, none twice), whichever app fires it.
     */
    @Test
    void twoAppsOnOneDatabaseFireEachOfAThousandTimersOnce() throws Exception {
        int incidents = Integer.getInteger("cluster.incidents", 1000);
        EmbeddedDatabase database = EmbeddedDatabase.startTemporary();
        WireMockServer slack = slackStandIn(0);
        try {
            Path plans = tempDir("warroom-it-cluster-plans");
            Files.writeString(plans.resolve("payments-api.yaml"), clusterPlan());
            String secret = "it-signing-secret";
            Map<String, String> env = Map.of("WARROOM_PLANS_DIR", plans.toString(),
                    "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(), "QUARKUS_DATASOURCE_USERNAME", database.username(),
                    "SLACK_BOT_TOKEN", "xoxb-it", "SLACK_SIGNING_SECRET", secret, "SLACK_API_URL", slack.baseUrl() + "/api/");
            List<App> cluster = List.of(start(tempDir("warroom-it-cluster-a"), env), start(tempDir("warroom-it-cluster-b"), env));

            java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(8);
            try {
                List<java.util.concurrent.Future<Integer>> acks = new ArrayList<>();
                for (int i = 1; i <= incidents; i++) {
                    App app = cluster.get(i % 2);
                    String text = "declare payments-api low Cluster load " + i;
                    String trigger = "cluster-" + i;
                    acks.add(clients.submit(() -> slashCommand(app, secret, text, trigger).statusCode()));
                }
                for (java.util.concurrent.Future<Integer> ack : acks) {
                    assertEquals(200, ack.get());
                }
            } finally {
                clients.shutdown();
            }

            java.util.regex.Pattern firstReminder = java.util.regex.Pattern.compile("^⏰ (INC-\\d+) needs a status update");
            // Only the first missed update is posted in the channel (later ones escalate): one post per incident.
            Map<String, Integer> reminded = new java.util.TreeMap<>();
            // The reminders queue behind every declaration's messages: a slow machine takes longer to deliver them
            // all, so the wait goes on while Slack keeps getting posts, and ends when it gets none for two minutes.
            Patience patience = new Patience(Duration.ofMinutes(30));
            int postsSeen = -1;
            while (patience.lasts()) {
                List<Map<String, String>> posts = posts(slack);
                if (posts.size() > postsSeen) {
                    postsSeen = posts.size();
                    patience.progressed();
                }
                reminded.clear();
                for (Map<String, String> fields : posts) {
                    java.util.regex.Matcher reminder = firstReminder.matcher(fields.getOrDefault("text", ""));
                    if (fields.getOrDefault("channel", "").startsWith("C") && reminder.find()) {
                        reminded.merge(reminder.group(1), 1, Integer::sum);
                    }
                }
                if (reminded.size() >= incidents) {
                    break;
                }
                Thread.sleep(5000);
            }
            List<String> missed = new ArrayList<>();
            for (int i = 1; i <= incidents; i++) {
                if (!reminded.containsKey("INC-" + i)) {
                    missed.add("INC-" + i);
                }
            }
            Map<String, Integer> doubled = new java.util.TreeMap<>(reminded);
            doubled.values().removeIf(count -> count == 1);
            System.out.println("Cluster test: " + incidents + " timers, fired " + reminded.size() + ", missed "
                    + missed.size() + ", duplicates " + doubled.size());
            if (!missed.isEmpty()) {
                fail(missed.size() + " of " + incidents + " reminders missed (first: "
                        + missed.subList(0, Math.min(5, missed.size())) + "); " + clusterState(slack, database));
            }
            assertEquals(Map.of(), doubled, "reminders posted more than once");
        } finally {
            for (App app : apps) {
                app.process.destroy();
            }
            for (App app : apps) {
                app.process.waitFor(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS);
            }
            slack.stop();
            database.close();
        }
    }

    /**
     * Slack faults during a load run: the packaged app takes 100 declarations and 300 status updates from 8 clients
     * at once while a tenth of all Web API calls fail (429 with Retry-After, 500, 503, a reset connection, a slow
     * answer, or the call carried out and its answer lost). When the outbox is empty, every message reached Slack
     * exactly once, and in each conversation no message went ahead of one still being retried.
     */
    @Test
    void underLoadWithSlackMisbehavingEveryMessageArrivesOnceAndInOrder() throws Exception {
        int incidents = 100;
        int updates = 3;
        WireMockServer slack = new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(40)
                .extensions(new SlackFaults()));
        slack.start();
        try {
            SlackApiStandIn.stubAuthTest(slack);
            slack.stubFor(WireMock.post(WireMock.urlMatching("/api/(?!auth\\.test).*"))
                    .willReturn(WireMock.aResponse().withTransformers(SlackFaults.NAME)));
            SlackFaults.start(20261126L, 0.1);
            String secret = "it-signing-secret";
            App app = start(tempDir("warroom-it-faults"), Map.of("SLACK_BOT_TOKEN", "xoxb-it", "SLACK_SIGNING_SECRET", secret,
                    "SLACK_API_URL", slack.baseUrl() + "/api/", "WARROOM_METRICS_REFRESH_EVERY", "2s"));

            java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(8);
            try {
                List<java.util.concurrent.Future<Integer>> acks = new ArrayList<>();
                for (int i = 1; i <= incidents; i++) {
                    String text = "declare payments-api low Faults " + i;
                    String trigger = "faults-d" + i;
                    acks.add(clients.submit(() -> slashCommand(app, secret, text, trigger).statusCode()));
                }
                for (java.util.concurrent.Future<Integer> ack : acks) {
                    assertEquals(200, ack.get());
                }
                // A hundred declarations while Slack misbehaves: minutes on a slow machine.
                awaitTrue(() -> getJson(app, "/api/incidents").size() == incidents, "every incident declared",
                        Duration.ofMinutes(5));
                acks.clear();
                for (int i = 1; i <= incidents; i++) {
                    for (int u = 1; u <= updates; u++) {
                        String text = "update INC-" + i + " Update " + u;
                        String trigger = "faults-u" + i + "-" + u;
                        acks.add(clients.submit(() -> slashCommand(app, secret, text, trigger).statusCode()));
                    }
                }
                for (java.util.concurrent.Future<Integer> ack : acks) {
                    assertEquals(200, ack.get());
                }
            } finally {
                clients.shutdown();
            }
            awaitOutboxEmpty(app);

            assertTrue(SlackFaults.injected().keySet().containsAll(List.of(SlackFaults.Kind.values())),
                    "every kind of fault injected: " + SlackFaults.injected());
            // Per conversation: every attempt in arrival order, and the accepted posts in arrival order.
            Map<String, List<Long>> attempts = new java.util.TreeMap<>();
            Map<String, List<Long>> accepted = new java.util.TreeMap<>();
            for (SlackFaults.Post post : SlackFaults.posts()) {
                String conversation = post.channel() + " " + post.thread();
                long id = Long.parseLong(outboxId(Map.of("metadata", String.valueOf(post.metadata()))));
                attempts.computeIfAbsent(conversation, c -> new ArrayList<>()).add(id);
                if (post.accepted()) {
                    accepted.computeIfAbsent(conversation, c -> new ArrayList<>()).add(id);
                }
            }
            long posts = accepted.values().stream().mapToLong(List::size).sum();
            System.out.println("Slack faults under load: " + SlackFaults.injected() + ", " + posts + " posts accepted in "
                    + accepted.size() + " conversations");
            assertTrue(posts > incidents * (updates + 3L), "posts accepted: " + posts);
            assertEquals(attempts.keySet(), accepted.keySet(), "every conversation got its posts");
            accepted.forEach((conversation, ids) -> {
                assertEquals(ids.stream().distinct().toList(), ids, "in " + conversation + ", each message once");
                // Concurrent commands commit in any order, so ids need not ascend; but once a message is tried, the
                // conversation's next message waits until it is accepted: its retries come first.
                List<Long> folded = new ArrayList<>();
                for (long id : attempts.get(conversation)) {
                    if (folded.isEmpty() || folded.get(folded.size() - 1) != id) {
                        folded.add(id);
                    }
                }
                assertEquals(folded, ids, "in " + conversation + ", every try of a message before the next message");
            });
        } finally {
            SlackFaults.start(0, 0);
            slack.stop();
        }
    }

    /**
     * Until the app's metrics show no outbox message waiting (and none given up). A slow machine delivers slower,
     * so the wait goes on while messages are delivered; it fails when none was for two minutes, or after 20 in all.
     * Acknowledged commands still add messages while it waits, so the backlog may empty and grow again: its size
     * alone does not tell whether delivery goes on.
     */
    private static void awaitOutboxEmpty(App app) throws Exception {
        java.util.regex.Pattern waiting = java.util.regex.Pattern.compile(
                "warroom_outbox_messages\\{[^}]*status=\"(pending|failed)\"[^}]*\\} ([0-9.E]+)");
        java.util.regex.Pattern delivered = java.util.regex.Pattern.compile(
                "warroom_outbox_delivery_total\\{[^}]*outcome=\"sent\"[^}]*\\} ([0-9.E]+)");
        Patience patience = new Patience(Duration.ofMinutes(20));
        double mostSent = 0;
        int emptyInARow = 0;
        while (patience.lasts()) {
            String metrics = HTTP.send(HttpRequest.newBuilder(uri(app, "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            java.util.regex.Matcher line = waiting.matcher(metrics);
            boolean failed = false;
            double pending = 0;
            while (line.find()) {
                double count = Double.parseDouble(line.group(2));
                failed |= line.group(1).equals("failed") && count > 0;
                pending += line.group(1).equals("pending") ? count : 0;
            }
            assertFalse(failed, "outbox messages given up: " + metrics.lines().filter(l -> l.startsWith("warroom_outbox")).toList());
            double sent = 0;
            for (java.util.regex.Matcher count = delivered.matcher(metrics); count.find(); ) {
                sent += Double.parseDouble(count.group(1));
            }
            if (sent > mostSent) {
                mostSent = sent;
                patience.progressed();
            }
            emptyInARow = pending > 0 ? 0 : emptyInARow + 1;
            if (emptyInARow == 3) { // the gauge refreshes every 2 s: three empty readings span a refresh
                return;
            }
            Thread.sleep(2000);
        }
        fail("outbox messages still waiting, and none delivered for two minutes (" + mostSent + " delivered in all)");
    }

    /** INC-1's timeline, or an empty one before INC-1 exists. */
    private static JsonNode timeline(App app) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(app, "/api/incidents/INC-1"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()).get("timeline") : JSON.createArrayNode();
    }

    /** The example plans, with payments-api's high severity acknowledged within 10 s instead of 5 m. */
    private static Path plansAcknowledgedWithin10s() throws IOException {
        Path plans = tempDir("warroom-it-plans");
        String example = Files.readString(PLANS.resolve("payments-api.yaml"));
        String highAck = "ack_within: 5m";
        assertTrue(example.contains(highAck), "the example plan's high severity acknowledges within 5m");
        Files.writeString(plans.resolve("payments-api.yaml"), example.replace(highAck, "ack_within: 10s"));
        return plans;
    }

    /**
     * Slack's Web API on loopback (port 0: any free one), answering each method Warroom calls in the shape Slack's
     * client parses: a new channel id per created channel and a new ts per post.
     */
    private static WireMockServer slackStandIn(int port) {
        WireMockServer slack = new WireMockServer(WireMockConfiguration.options()
                .port(port == 0 ? WireMockConfiguration.DYNAMIC_PORT : port).containerThreads(40));
        slack.start();
        SlackApiStandIn.stubAuthTest(slack);
        slack.stubFor(WireMock.post(WireMock.urlEqualTo("/api/conversations.create")).willReturn(WireMock.okJson(
                "{\"ok\":true,\"channel\":{\"id\":\"C{{randomValue length=16 type='ALPHANUMERIC' uppercase=true}}\"}}")
                .withTransformers("response-template")));
        slack.stubFor(WireMock.post(WireMock.urlEqualTo("/api/conversations.open"))
                .willReturn(WireMock.okJson("{\"ok\":true,\"channel\":{\"id\":\"D0DM\"}}")));
        slack.stubFor(WireMock.post(WireMock.urlEqualTo("/api/chat.postMessage")).willReturn(WireMock.okJson(
                "{\"ok\":true,\"channel\":\"C0\",\"ts\":\"1764061200.{{randomValue length=6 type='NUMERIC'}}\"}")
                .withTransformers("response-template")));
        slack.stubFor(WireMock.post(WireMock.urlMatching("/api/conversations.(history|replies)"))
                .willReturn(WireMock.okJson("{\"ok\":true,\"messages\":[]}")));
        slack.stubFor(WireMock.post(WireMock.urlMatching("/api/.*")).atPriority(10)
                .willReturn(WireMock.okJson("{\"ok\":true}")));
        return slack;
    }

    /**
     * The example plan, lean for a thousand incidents at once: a status update is due a minute after the
     * declaration, and the declaration tells one person along the chain instead of five. What the test counts, the
     * reminders, queue behind every declaration's messages.
     */
    private static String clusterPlan() throws IOException {
        String plan = Files.readString(PLANS.resolve("payments-api.yaml"));
        Map<String, String> changes = Map.of(
                "ack_within: 30m\n    update_every: 4h", "ack_within: 30m\n    update_every: 1m",
                "to: [communications-liaison, technical-expert]", "to: [forensic-lead]");
        for (Map.Entry<String, String> change : changes.entrySet()) {
            assertTrue(plan.contains(change.getKey()), "the example plan has " + change.getKey());
            plan = plan.replace(change.getKey(), change.getValue());
        }
        return plan;
    }

    /**
     * What a failed cluster run left behind, in one line for the failure message (CI shows that, not the app logs):
     * Slack calls the stand-in saw, rows in the shared database, and the first errors each app logged.
     */
    private String clusterState(WireMockServer slack, EmbeddedDatabase database) {
        StringBuilder state = new StringBuilder("stand-in saw ").append(slack.getAllServeEvents().size())
                .append(" calls, ").append(posts(slack).size()).append(" posts");
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(database.jdbcUrl());
             java.sql.Statement sql = db.createStatement()) {
            for (String[] query : new String[][] {
                    {"incidents", "select count(*) from incident"},
                    {"timers (total, due now, claimed, gave up)", "select count(*) || ', ' || count(*) filter (where run_at <= now())"
                            + " || ', ' || count(claimed_until) || ', ' || count(gave_up_at) from timer"},
                    {"timer firings", "select count(*) from timer_firing"},
                    {"last timer error", "select max(last_error) from timer"},
                    {"sweep trigger (state, next fire)", "select string_agg(trigger_state || ', '"
                            + " || to_timestamp(next_fire_time / 1000.0), '; ') from qrtz_triggers"},
                    {"Quartz instances (last check-in)", "select string_agg(instance_name || ' '"
                            + " || to_timestamp(last_checkin_time / 1000.0), '; ') from qrtz_scheduler_state"},
                    {"outbox (status: count)", "select string_agg(status || ': ' || n, ', ') from"
                            + " (select status, count(*) n from outbox_message group by status) s"},
                    {"last outbox error", "select max(last_error) from outbox_message"},
                    {"chat inbox", "select count(*) from chat_inbox"}}) {
                try (java.sql.ResultSet row = sql.executeQuery(query[1])) {
                    row.next();
                    state.append("; ").append(query[0]).append(": ").append(row.getString(1));
                }
            }
            state.append("; database now ").append(java.time.Instant.now());
        } catch (java.sql.SQLException e) {
            state.append("; database unreadable: ").append(e.getMessage());
        }
        for (App app : apps) {
            state.append("; ").append(app.name).append(" errors: ").append(firstErrors(app.log, 3));
        }
        return state.toString();
    }

    /** The messages of the first ERROR (or else WARN) lines of an app's JSON log, each cut short. */
    private static List<String> firstErrors(Path log, int count) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        try (Stream<String> lines = Files.lines(log)) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (!line.startsWith("{")) {
                    continue;
                }
                JsonNode entry = JSON.readTree(line);
                String level = entry.path("level").asText();
                String message = entry.path("message").asText();
                String text = message.length() > 200 ? message.substring(0, 200) + "…" : message;
                if (level.equals("ERROR")) {
                    errors.add(text);
                } else if (level.equals("WARN")) {
                    warnings.add(text);
                }
            }
        } catch (IOException e) {
            return List.of("(log unreadable: " + e + ")");
        }
        List<String> first = errors.isEmpty() ? warnings : errors;
        return first.subList(0, Math.min(count, first.size()));
    }

    /**
     * The last lines an app wrote, one line for a failure message (CI shows that, not the app logs): JSON entries as
     * their level, message and exception, other lines (what {@code main} prints, a stack trace) as they are.
     */
    private static String lastWords(Path log, int count) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
        List<String> words = new ArrayList<>();
        for (String line : lines.subList(Math.max(0, lines.size() - count), lines.size())) {
            String text = line;
            if (line.startsWith("{")) {
                try {
                    JsonNode entry = JSON.readTree(line);
                    text = entry.path("level").asText() + " " + entry.path("message").asText()
                            + (entry.has("exception") ? " " + entry.path("exception").path("exceptionType").asText()
                            + ": " + entry.path("exception").path("message").asText() : "");
                } catch (IOException notJson) {
                    // a line cut short by the kill: shown as it is
                }
            }
            words.add(text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
        return String.join(" | ", words);
    }

    /** The form fields of each chat.postMessage the stand-in received, in order. */
    private static List<Map<String, String>> posts(WireMockServer slack) {
        return slack.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/api/chat.postMessage"))).stream()
                .map(post -> FormBody.fields(post.getBodyAsString())).toList();
    }

    private static final java.util.regex.Pattern OUTBOX_ID = java.util.regex.Pattern.compile("\"outbox_id\":\"(\\d+)\"");

    /** The outbox id a post carries in its metadata, or "". */
    private static String outboxId(Map<String, String> post) {
        java.util.regex.Matcher id = OUTBOX_ID.matcher(post.getOrDefault("metadata", ""));
        return id.find() ? id.group(1) : "";
    }

    /** A timer set before a hard kill fires once after the restart (its row is due, so the first sweep at start fires it). */
    @Test
    void aTimerSetBeforeAHardKillFiresOnceAfterTheRestart() throws Exception {
        Path data = tempDir("warroom-it-timer");
        dataDirs.add(data.resolve("postgres"));
        Map<String, String> env = Map.of("WARROOM_PLANS_DIR", plansAcknowledgedWithin10s().toString());

        App first = start(data, env);
        post(first, "/api/local/messages", Map.of("channel", "general", "user", "zoe",
                "text", "/incident declare payments-api high Checkout failing"));
        first.process.destroyForcibly(); // within the 10 s: the timer is only in the database
        assertTrue(first.process.waitFor(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS), "killed app exits");

        App second = start(data, env);
        String channel = "/api/local/messages?channel=inc-1-checkout-failing";
        String fromAlice = "No acknowledgement from Alice Smith within 10s — escalating to level 2: Payments engineering leads";
        // The next timer (Bob's 10 s) firing too shows the first one is done; it must have fired once.
        awaitTrue(() -> getJson(second, channel).findValuesAsText("text").stream()
                .anyMatch(t -> t.startsWith("No acknowledgement from Bob Jones")), "the timers fired after the restart");
        assertEquals(1, getJson(second, channel).findValuesAsText("text").stream().filter(fromAlice::equals).count(),
                getJson(second, channel).findValuesAsText("text").toString());
    }

    /**
     * SIGTERM right after a burst of Slack commands was acknowledged: the app refuses new ones (503, Retry-After, so
     * Slack goes to another replica), finishes the acknowledged ones and only then stops; after a restart every
     * acknowledged command's incident is there, and no refused one's.
     */
    @Test
    void onSigtermAcknowledgedSlackCommandsAreFinishedAndNewOnesRefused() throws Exception {
        Path data = tempDir("warroom-it-sigterm");
        dataDirs.add(data.resolve("postgres"));
        String secret = "it-signing-secret";
        // Slack's Web API is unreachable: replies wait in the outbox, which a stop must leave there.
        // The work of 60 declares takes longer than the default 25 s on a machine shared with other builds (load 40).
        Map<String, String> slackEnv = Map.of("SLACK_BOT_TOKEN", "xoxb-it", "SLACK_SIGNING_SECRET", secret,
                "SLACK_API_URL", "http://127.0.0.1:" + freePort() + "/api/", "WARROOM_SHUTDOWN_TIMEOUT", "80s"); // under the embedded database's 90 s wait
        App app = start(data, slackEnv);

        int burst = 60;
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(20);
        List<java.util.concurrent.Future<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 1; i <= burst; i++) {
            String text = "declare payments-api low Burst " + i;
            String trigger = "trigger-burst-" + i;
            sent.add(clients.submit(() -> slashCommand(app, secret, text, trigger)));
        }
        List<String> acknowledged = new ArrayList<>();
        for (int i = 1; i <= burst; i++) {
            HttpResponse<String> ack = sent.get(i - 1).get(60, TimeUnit.SECONDS);
            assertEquals(200, ack.statusCode(), "command " + i + ": " + ack.body());
            acknowledged.add("Burst " + i);
        }
        clients.shutdown();

        app.process.destroy(); // SIGTERM, as Kubernetes sends it
        String refusedTitle = null;
        for (int i = 1; refusedTitle == null && i <= 1000; i++) {
            HttpResponse<String> late = slashCommand(app, secret, "declare payments-api low Late " + i, "trigger-late-" + i);
            if (late.statusCode() == 200) {
                acknowledged.add("Late " + i); // sent before the app heard of the SIGTERM: it must be done too
            } else {
                assertEquals(503, late.statusCode(), late.body());
                assertEquals(Optional.of("1"), late.headers().firstValue("Retry-After"));
                assertTrue(late.body().contains("Warroom is shutting down"), late.body());
                refusedTitle = "Late " + i;
            }
        }
        assertTrue(refusedTitle != null, "no request was refused after SIGTERM");
        assertTrue(app.process.waitFor(5, TimeUnit.MINUTES), "app stops within 5 minutes");
        String log = Files.readString(app.log);
        assertTrue(log.contains("Shutdown: acknowledged chat work done, outbox workers done"),
                "the app said it finished its work; see " + app.log);
        assertDatabaseStoppedAfterTheApp(log, app);

        App restarted = start(data, slackEnv);
        List<String> titles = getJson(restarted, "/api/incidents").findValuesAsText("title");
        assertTrue(titles.containsAll(acknowledged), "missing: " + acknowledged.stream().filter(t -> !titles.contains(t)).toList());
        assertFalse(titles.contains(refusedTitle), refusedTitle + " was refused, yet declared");
        assertEquals(acknowledged.size(), titles.size(), titles.toString());
    }

    /** The embedded PostgreSQL is told to stop only once Quarkus has stopped (its pool, Quartz and Hibernate too). */
    private static void assertDatabaseStoppedAfterTheApp(String log, App app) {
        int appStopped = log.indexOf("warroom stopped in");
        int databaseStopping = log.indexOf("received fast shutdown request");
        assertTrue(appStopped >= 0, "the app logged its stop; see " + app.log);
        assertTrue(databaseStopping < 0 || databaseStopping > appStopped,
                "PostgreSQL was stopped before the app had stopped; see " + app.log);
    }

    /** A signed {@code /incident} slash command from alice in #general, as Slack posts it. */
    private static HttpResponse<String> slashCommand(App app, String secret, String text, String trigger) throws Exception {
        String body = "token=t&team_id=T1&channel_id=C0GENERAL&user_id=U01ALICE&user_name=alice&command=%2Fincident"
                + "&text=" + java.net.URLEncoder.encode(text, StandardCharsets.UTF_8) + "&trigger_id=" + trigger;
        long now = System.currentTimeMillis() / 1000;
        return HTTP.send(HttpRequest.newBuilder(uri(app, "/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", Long.toString(now))
                .header("X-Slack-Signature", slackSignature(secret, now, body))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String slackSignature(String secret, long timestamp, String body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "v0=" + java.util.HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body)
                .getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * How long to wait for a backlog the apps work through at the machine's pace: as long as it keeps moving, until
     * two minutes pass without progress or {@code atMost} in all.
     */
    private static final class Patience {
        private static final long STALLED_AFTER = Duration.ofMinutes(2).toNanos();
        private final long giveUpAt;
        private long lastProgress = System.nanoTime();

        Patience(Duration atMost) {
            giveUpAt = lastProgress + atMost.toNanos();
        }

        boolean lasts() {
            long now = System.nanoTime();
            return now < giveUpAt && now - lastProgress < STALLED_AFTER;
        }

        void progressed() {
            lastProgress = System.nanoTime();
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    /** Polls a condition the app reaches on its own (a process, not a timer under test), up to a minute. */
    private static void awaitTrue(Check check, String what) throws Exception {
        awaitTrue(check, what, Duration.ofSeconds(60));
    }

    private static void awaitTrue(Check check, String what, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (check.holds()) {
                return;
            }
            Thread.sleep(200);
        }
        fail("not within " + limit.toSeconds() + " s: " + what);
    }

    @Test
    void validateChecksPlansWithoutStartingADatabase() throws Exception {
        Path dataDir = tempDir("warroom-it-validate").resolve("must-not-exist");

        Result valid = validate(PLANS, dataDir);
        assertEquals(0, valid.exitCode(), valid.output());
        assertEquals("2 plans valid: identity-service, payments-api\n", valid.output());

        Path broken = tempDir("warroom-it-broken-plans");
        String example = Files.readString(PLANS.resolve("payments-api.yaml"));
        String daveContacts = "contacts: [{email: dave@example.com}, {phone: \"+44 20 7946 0002\"}]";
        assertTrue(example.contains(daveContacts), "the example plan still gives dave two contacts");
        Files.writeString(broken.resolve("payments-api.yaml"),
                example.replace(daveContacts, "contacts: [{email: dave@example.com}]"));

        Result invalid = validate(broken, dataDir);
        assertEquals(1, invalid.exitCode(), invalid.output());
        assertEquals("payments-api.yaml: people.dave.contacts: needs at least 2 contact methods, has 1\n",
                invalid.output());

        assertFalse(Files.exists(dataDir), "validate created WARROOM_DATA_DIR " + dataDir);
    }

    // ---- the app as a process

    private record App(String name, Process process, Path log, int port) {}

    private record Result(int exitCode, String output) {}

    private App start(Path dataDir) throws Exception {
        return start(dataDir, Map.of());
    }

    private App start(Path dataDir, Map<String, String> extraEnv) throws Exception {
        String name = "app-" + (++runs);
        Path log = LOG_DIR.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(java(), "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.remove("QUARKUS_DATASOURCE_JDBC_URL");
        env.put("WARROOM_DATA_DIR", dataDir.toString());
        // The app binds a port of its own choosing and says which: a port found free here and handed over could be
        // taken first, by its embedded PostgreSQL among others.
        env.put("PORT", "0");
        env.put("WARROOM_PLANS_DIR", PLANS.toString());
        env.putAll(extraEnv);
        App starting = new App(name, builder.start(), log, -1);
        apps.add(starting);
        App app = new App(name, starting.process, log, awaitListening(starting));
        apps.set(apps.indexOf(starting), app);
        awaitReady(app);
        return app;
    }

    private static final java.util.regex.Pattern LISTENING =
            java.util.regex.Pattern.compile("Listening on: http://[^:]+:(\\d+)");

    /** The port the app says it listens on; the process is watched too, so a dead one fails at once. */
    private static int awaitListening(App app) throws Exception {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            assertAlive(app);
            java.util.regex.Matcher listening = LISTENING.matcher(Files.readString(app.log));
            if (listening.find()) {
                return Integer.parseInt(listening.group(1));
            }
            Thread.sleep(200);
        }
        return failNotReady(app);
    }

    /** Polls until the app answers. */
    private static void awaitReady(App app) throws Exception {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        HttpRequest request = HttpRequest.newBuilder(uri(app, "/api/plans")).timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            assertAlive(app);
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        failNotReady(app);
    }

    private static void assertAlive(App app) {
        if (!app.process.isAlive()) {
            fail(app.name + " exited with " + app.process.exitValue() + " before it was ready; its last words: "
                    + lastWords(app.log, 12) + "; see " + app.log);
        }
    }

    private static int failNotReady(App app) {
        return fail(app.name + " not ready within " + READY_WITHIN + "; its last words: " + lastWords(app.log, 12)
                + "; see " + app.log);
    }

    private Result validate(Path plans, Path dataDir) throws Exception {
        String name = "validate-" + (++runs);
        Path log = LOG_DIR.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(java(), "-jar", JAR.toString(), "validate", plans.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        builder.environment().put("WARROOM_DATA_DIR", dataDir.toString());
        Process process = builder.start();
        apps.add(new App(name, process, log, -1));
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "validate finishes within 30 s (no database, no server)");
        return new Result(process.exitValue(), Files.readString(log));
    }

    private static JsonNode post(App app, String path, Object body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(app, path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), "POST " + path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private static JsonNode getJson(App app, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(app, path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), "GET " + path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private static URI uri(App app, String path) {
        return URI.create("http://localhost:" + app.port + path);
    }

    // ---- PostgreSQL left on a data folder

    /** The live server named by {@code postmaster.pid} in a PostgreSQL data folder, if any. */
    private static Optional<ProcessHandle> postgresServer(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean waitGone(ProcessHandle process, Duration within) {
        try {
            process.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return !process.isAlive();
        }
    }

    // ---- helpers

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path tempDir(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        tempDirs.add(dir);
        return dir;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
