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
import java.util.stream.Stream;

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

    @Test
    void onlyTheManagerApprovesAndAHighIncidentClosesOnlyAfterApproval() throws IOException {
        runTheIncident();

        say("alice", CHANNEL, "/incident close");
        assertThat(lastBotText(CHANNEL)).isEqualTo("INC-1 is high: its report must be approved before it can close. "
                + "The incident manager approves it with `report approve`, then `close`.");
        say("bob", CHANNEL, "/incident report approve");
        assertThat(lastBotText(CHANNEL)).isEqualTo("Only the incident manager (Alice Smith) may `report approve` INC-1.");
        given().get("/api/incidents/INC-1/report.md").then().statusCode(404)
                .body("error", org.hamcrest.Matchers.equalTo("INC-1 has no report yet: `report` stores it as a draft."));
        assertThat(EXPORTS).doesNotExist();

        say("alice", CHANNEL, "/incident report approve");

        assertThat(lastBotText(CHANNEL)).isEqualTo("✅ The report of INC-1 is approved by Alice Smith (revision 1): "
                + "http://localhost:8080/dashboard/incidents/INC-1/report\n"
                + "Offline copy: target/test-data/reports/INC-1-r1.md");
        String approved = given().get("/api/incidents/INC-1/report.md").then().statusCode(200)
                .header("X-Report-Revision", "1").header("X-Report-Status", "approved").extract().asString();
        assertThat(EXPORTS.resolve("INC-1-r1.md")).hasContent(approved);
        assertThat(approved).isEqualTo(Files.readString(Path.of("src/test/resources/reports/INC-1-checkout-failing.md")));
        assertThat(EXPORTS).isDirectoryNotContaining("glob:**.tmp");
        say("alice", CHANNEL, "/incident report approve");
        assertThat(lastBotText(CHANNEL)).isEqualTo("Revision 1 of the report of INC-1 is already approved "
                + "(by Alice Smith at 2026-11-25 10:30 UTC).");

        // An edit after approval: the report reads differently, so it becomes revision 2; revision 1 stays approved.
        clock.advance(Duration.ofMinutes(10));
        say("carol", CHANNEL, "/incident lesson Page the processor's NOC at declaration");
        say("carol", CHANNEL, "/incident report");
        assertThat(lastBotText(CHANNEL)).contains("Status: draft, revision 2 (revision 1 approved)\n")
                .contains("Lessons: 4\n");
        given().get("/api/incidents/INC-1/report.md").then().statusCode(200).header("X-Report-Revision", "2")
                .header("X-Report-Status", "draft")
                .body(org.hamcrest.Matchers.containsString("- Page the processor's NOC at declaration (Carol White, "));
        given().queryParam("revision", 1).get("/api/incidents/INC-1/report.md").then().statusCode(200)
                .header("X-Report-Status", "approved").body(org.hamcrest.Matchers.equalTo(approved));

        say("alice", CHANNEL, "/incident close");
        assertThat(lastBotText(CHANNEL)).isEqualTo("🏁 INC-1 closed by Alice Smith. The report is stored: `report INC-1`.");
        given().queryParam("revision", 3).get("/api/incidents/INC-1/report.md").then().statusCode(404)
                .body("error", org.hamcrest.Matchers.equalTo("INC-1 has no report revision 3; revisions: 1 to 2."));
        given().queryParam("revision", "latest").get("/api/incidents/INC-1/report.md").then().statusCode(400)
                .body("error", org.hamcrest.Matchers.equalTo("revision must be a revision number such as 1, not `latest`"));
        given().get("/api/incidents/INC-9/report.md").then().statusCode(404)
                .body("error", org.hamcrest.Matchers.equalTo("No incident INC-9"));
        assertThat(incident("INC-1").getList("timeline.details", String.class)).containsSubsequence(
                "Report revision 1 written (draft).", "Report revision 1 approved.", "Report revision 2 written (draft).");
    }

    @Test
    void aReportIsApprovedOnlyAfterResolve() {
        say("zoe", "general", "/incident declare payments-api medium Webhook delays");
        say("alice", "inc-1-webhook-delays", "/incident report approve");
        assertThat(lastBotText("inc-1-webhook-delays")).isEqualTo("Resolve INC-1 first: the report is approved after `resolve`.");
        say("alice", "inc-1-webhook-delays", "/incident resolve Queue drained");
        say("alice", "inc-1-webhook-delays", "/incident close");
        assertThat(lastBotText("inc-1-webhook-delays")).isEqualTo("INC-1 is medium: its report must be approved before it "
                + "can close. The incident manager approves it with `report approve`, then `close`.");
    }

    @Test
    void aLowIncidentClosesWithoutApprovalAndKeepsItsReportAsADraft() {
        say("zoe", "general", "/incident declare payments-api low Slow refunds");
        say("alice", "inc-1-slow-refunds", "/incident resolve Queue drained");
        say("alice", "inc-1-slow-refunds", "/incident close");

        assertThat(lastBotText("inc-1-slow-refunds")).isEqualTo("🏁 INC-1 closed by Alice Smith. The report is stored: `report INC-1`.");
        given().get("/api/incidents/INC-1/report.md").then().statusCode(200).header("X-Report-Status", "draft")
                .body(org.hamcrest.Matchers.containsString("| Closed | 2026-11-25 09:00 UTC (0s after declaration) |"));
        assertThat(EXPORTS).doesNotExist();
    }

    @Test
    void aFailedExportKeepsTheApprovalAndIsWrittenLater() throws IOException {
        say("zoe", "general", "/incident declare payments-api high Checkout failing");
        say("alice", CHANNEL, "/incident resolve Failed over");
        Path blocked = EXPORTS.resolve("INC-1-r1.md");
        Files.createDirectories(blocked);
        Files.writeString(blocked.resolve("in-the-way"), "a folder where the file should go");

        say("alice", CHANNEL, "/incident report approve");

        assertThat(lastBotText(CHANNEL)).startsWith("✅ The report of INC-1 is approved by Alice Smith (revision 1): "
                + "http://localhost:8080/dashboard/incidents/INC-1/report\n⚠ Its offline copy could not be written (")
                .endsWith("); Warroom tries again every 5 minutes.");
        given().get("/api/incidents/INC-1/report.md").then().statusCode(200).header("X-Report-Status", "approved");
        assertThat(exportRetry.retry()).isZero();

        deleteRecursively(blocked);
        assertThat(exportRetry.retry()).isEqualTo(1);
        assertThat(blocked).isRegularFile();
        assertThat(Files.readString(blocked)).startsWith("# INC-1 · payments-api · HIGH — Checkout failing\n");
        assertThat(exportRetry.retry()).isZero();
        say("alice", CHANNEL, "/incident close");
        assertThat(lastBotText(CHANNEL)).startsWith("🏁 INC-1 closed");
    }

    @Test
    void aMistypedActionIsExplainedAndNothingIsStored() {
        say("zoe", "general", "/incident declare payments-api high Checkout failing");
        String usage = " Usage: `action <text…> owner <@person> [due <yyyy-mm-dd>]`";
        String[][] cases = {
                {"action Automate the check", "`action` needs an owner after the text: `… owner @bob`." + usage},
                {"action owner bob", "`action` needs the text of the action before `owner`." + usage},
                {"action Automate the check owner", "`action` needs a person." + usage},
                {"action Automate the check owner bob due tomorrow",
                        "`tomorrow` is not a date; write it as yyyy-mm-dd, e.g. 2026-12-31." + usage},
                {"action Automate the check owner bob due", "`action` needs a due date after `due`." + usage},
                {"action Automate the check owner bob soon", "After the owner comes only `due <yyyy-mm-dd>`, not `soon`." + usage},
                {"action Automate the check owner bob due 2026-12-01 please", "`action` does not take `please`." + usage},
                {"action Automate the check owner nobody",
                        "`nobody` is not a person in the payments-api plan; people: alice, bob, carol, dave, erin, frank."},
                {"action Automate the check owner bob due 2026-11-24",
                        "The due date 2026-11-24 is in the past (today is 2026-11-25); nothing was recorded."}};
        for (String[] c : cases) {
            say("alice", CHANNEL, "/incident " + c[0]);
            assertThat(lastBotText(CHANNEL)).as(c[0]).isEqualTo(c[1]);
        }
        say("zoe", CHANNEL, "/incident action Automate the check owner bob");
        assertThat(lastBotText(CHANNEL)).isEqualTo("Only the incident manager (Alice Smith) or someone holding a role in "
                + "INC-1 may `action`.");
        assertThat(incident("INC-1").getList("actions")).isEmpty();

        say("alice", CHANNEL, "/incident action Owner the owner docs owner BOB due 2026-11-25");
        assertThat(lastBotText(CHANNEL)).isEqualTo("Action 1 recorded for INC-1: Owner the owner docs — owner Bob Jones, "
                + "due 2026-11-25.");
        assertThat(incident("INC-1").getList("actions.owner", String.class)).containsExactly("bob");
        assertThat(incident("INC-1").getString("actions[0].due")).isEqualTo("2026-11-25");
    }

    @Test
    void aDrillReportCarriesTheScore() {
        say("zoe", "general", "/incident drill payments-api high Checkout failing");
        QuarkusTransaction.requiringNew().run(() -> {
            dev.warroom.incident.Incident incident = dev.warroom.incident.Incident.findByKey("INC-1").orElseThrow();
            dev.warroom.notify.OutboxMessage undelivered = new dev.warroom.notify.OutboxMessage();
            undelivered.createdAt = clock.instant();
            undelivered.incidentId = incident.id;
            undelivered.platform = "slack";
            undelivered.kind = dev.warroom.notify.OutboxMessage.Kind.MESSAGE;
            undelivered.destinationKind = dev.warroom.notify.Destination.Kind.PERSON;
            undelivered.destination = "frank";
            undelivered.body = "{}";
            undelivered.status = dev.warroom.notify.OutboxMessage.Status.FAILED;
            undelivered.attempts = 1;
            undelivered.nextAttemptAt = clock.instant();
            undelivered.lastError = "user_not_found";
            undelivered.persist();
        });
        clock.advance(Duration.ofMinutes(20));
        say("bob", CHANNEL, "/incident skip 1 no dashboard in the drill environment");
        say("bob", CHANNEL, "/incident phase analysis");
        clock.advance(Duration.ofMinutes(10));
        say("bob", CHANNEL, "/incident resolve Drill over");
        say("bob", CHANNEL, "/incident report");

        assertThat(lastBotText(CHANNEL)).startsWith("[DRILL] *Report: INC-1 · payments-api · HIGH — Checkout failing*\n");
        String markdown = given().get("/api/incidents/INC-1/report.md").then().statusCode(200).extract().asString();
        assertThat(markdown).startsWith("# INC-1 · payments-api · HIGH — Checkout failing (DRILL)\n\n"
                + "> **DRILL**: a practice incident that tested the plan and the team. The drill score is at the end.\n");
        assertThat(markdown.substring(markdown.indexOf("## Drill score"))).isEqualTo("""
                ## Drill score

                | Target | Outcome |
                |---|---|
                | acknowledge within 5m | not acknowledged |
                | analysis within 15m | met (took 10m) |
                | containment within 1h | skipped |
                | eradication within 4h | skipped |
                | recovery within 8h | skipped |
                | status update every 30m | met |

                Time to acknowledge: not acknowledged.

                ### Steps skipped

                - [ ] 1. Assess customer impact and set the severity: skipped by Bob Jones: no dashboard in the drill environment

                ### Contacts that did not respond

                - Frank Black on slack: not delivered (user_not_found)

                ### Plan defects found

                - A contact of Frank Black failed (slack): check their contacts in the plan.
                """);
    }

    @Test
    void theDashboardShowsTheReportAsAPage() {
        say("zoe", "general", "/incident declare payments-api low Slow refunds");
        given().get("/dashboard/incidents/INC-1/report").then().statusCode(404)
                .body(org.hamcrest.Matchers.containsString("INC-1 has no report yet: `report` stores it as a draft."));
        say("alice", "inc-1-slow-refunds", "/incident resolve Queue drained <b>now</b>");
        say("alice", "inc-1-slow-refunds", "/incident report");

        String page = given().get("/dashboard/incidents/INC-1/report").then().statusCode(200)
                .contentType("text/html").extract().asString();
        assertThat(page).contains("<h1>INC-1 · payments-api · LOW — Slow refunds</h1>")
                .contains("<th>Phase</th>").contains("<td>Severity</td>\n<td>low</td>")
                .contains("<p>Queue drained &lt;b&gt;now&lt;/b&gt;</p>")
                .contains("Showing revision 1, draft.")
                .contains("href=\"/dashboard/incidents/INC-1/report.md?revision=1\"");
        given().get("/dashboard/incidents/INC-1/report.md?revision=1").then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"INC-1-r1.md\"");
        assertThat(given().get("/dashboard/incidents/INC-1").then().statusCode(200).extract().asString())
                .contains("<a id=\"report-link\" href=\"/dashboard/incidents/INC-1/report\">Read the report</a> "
                        + "(revision 1, draft)");
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
}
