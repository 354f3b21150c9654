package dev.warroom.report;

import dev.warroom.support.ScenarioTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static dev.warroom.support.LocalChatClient.botTexts;
import static dev.warroom.support.LocalChatClient.lastBotText;
import static dev.warroom.support.LocalChatClient.say;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The written report of a whole incident: built from what is stored, compared with a hand-checked golden file,
 * approved by the incident manager, revised after approval, written out as the offline copy.
 */
@QuarkusTest
class ReportScenarioTest extends ScenarioTest {

    static final String CHANNEL = "inc-1-checkout-failing";
    static final Path EXPORTS = Path.of("target/test-data/reports");

    @Inject
    ReportExportRetry exportRetry;

    @BeforeEach
    void noExportsYet() throws IOException {
        deleteRecursively(EXPORTS);
    }

    @Test
    void aWholeIncidentGivesTheExpectedReport() throws IOException {
        runTheIncident();

        say("alice", CHANNEL, "/incident report");

        assertThat(lastBotText(CHANNEL)).isEqualTo("""
                *Report: INC-1 · payments-api · HIGH — Checkout failing*
                Status: draft, revision 1
                Phase targets: 2 met, 1 missed
                Lessons: 3
                Actions: 2
                Full report: http://localhost:8080/dashboard/incidents/INC-1/report""");
        String markdown = given().get("/api/incidents/INC-1/report.md").then().statusCode(200)
                .contentType("text/markdown;charset=UTF-8").header("X-Report-Revision", "1")
                .header("X-Report-Status", "draft").extract().asString();
        assertMatchesGolden(markdown, "reports/INC-1-checkout-failing.md");
    }

    /** Declare → ack → steps → phases → escalation → update → resolve → recovery → lessons → actions. */
    private void runTheIncident() {
        say("zoe", "general", "/incident declare payments-api high type=outage Checkout failing");
        clock.advance(Duration.ofMinutes(3));
        say("alice", CHANNEL, "/incident ack");
        clock.advance(Duration.ofMinutes(2));
        say("bob", CHANNEL, "/incident done 1");
        say("frank", CHANNEL, "/incident skip 2 failover is automatic since October");
        say("alice", CHANNEL, "/incident phase analysis");
        clock.advance(Duration.ofMinutes(20));
        say("alice", CHANNEL, "/incident escalate Card authorisations still failing");
        say("alice", CHANNEL, "/incident phase containment");
        clock.advance(Duration.ofMinutes(10));
        say("dave", CHANNEL, "/incident update Traffic on the secondary region, error rate falling");
        say("carol", CHANNEL, "/incident done 3");
        clock.advance(Duration.ofMinutes(15));
        say("alice", CHANNEL, "/incident phase recovery");
        clock.advance(Duration.ofMinutes(30));
        say("alice", CHANNEL, "/incident resolve Failed over to the secondary region; processor recovered");
        say("erin", CHANNEL, "/incident done 4");
        say("bob", CHANNEL, "/incident skip 5 secondary region stays primary until the processor fix ships");
        clock.advance(Duration.ofMinutes(5));
        answerPrompt(1, "bob", "The failover runbook worked first time");
        answerPrompt(2, "carol", "The processor status page lagged by 10 minutes");
        say("zoe", CHANNEL, "/incident lesson Declare earlier: we watched the graphs for 20 minutes");
        say("alice", CHANNEL, "/incident action Automate the failover check owner @bob due 2026-12-15");
        assertThat(lastBotText(CHANNEL)).isEqualTo("Action 1 recorded for INC-1: Automate the failover check — "
                + "owner Bob Jones, due 2026-12-15.");
        assertThat(lastBotText("@bob")).isEqualTo("You own follow-up action 1 of INC-1 · payments-api · HIGH — "
                + "Checkout failing: Automate the failover check — owner Bob Jones, due 2026-12-15. Channel: #" + CHANNEL);
        say("alice", CHANNEL, "/incident action Ask the processor for | status webhooks owner carol");
        assertThat(lastBotText(CHANNEL)).isEqualTo("Action 2 recorded for INC-1: Ask the processor for | status "
                + "webhooks — owner Carol White, no due date.");
        clock.advance(Duration.ofMinutes(5));
    }

    /** A reply in the lessons-learned thread to one of the plan's prompts (captured by the lessons thread's own code). */
    private void answerPrompt(int prompt, String author, String text) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            Lesson lesson = new Lesson();
            lesson.incidentId = dev.warroom.incident.Incident.findByKey("INC-1").orElseThrow().id;
            lesson.author = author;
            lesson.text = text;
            lesson.prompt = prompt;
            lesson.createdAt = now;
            lesson.persist();
        });
    }

    static void assertMatchesGolden(String actual, String resource) throws IOException {
        Path golden = Path.of("src/test/resources").resolve(resource);
        Path written = Path.of("target").resolve(resource);
        Files.createDirectories(written.getParent());
        Files.writeString(written, actual, StandardCharsets.UTF_8);
        assertThat(actual).as("the report (written to %s) against %s", written, golden)
                .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static List<String> channel() {
        return botTexts(CHANNEL);
    }
}
