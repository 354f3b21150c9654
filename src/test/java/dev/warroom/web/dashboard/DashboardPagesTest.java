package dev.warroom.web.dashboard;

import dev.warroom.support.ScenarioTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.warroom.support.LocalChatClient.say;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's pages in local mode, read as text: what an incident manager sees, and clear errors. */
@QuarkusTest
class DashboardPagesTest extends ScenarioTest {

    private static final String CHANNEL = "inc-1-checkout-failing";

    @Test
    void theIncidentsPageListsIncidentsWithTheirStateAndSaysItIsInLocalMode() {
        say("zoe", "general", "/incident declare payments-api high type=outage Checkout failing");
        clock.advance(Duration.ofMinutes(5));
        say("zoe", "general", "/incident declare identity-service low Slow logins");
        clock.advance(Duration.ofMinutes(7));

        String page = page("/dashboard", 200);

        assertThat(page).startsWith("Skip to content Local mode: no sign-in Warroom Incidents Plans Chat Incidents");
        assertThat(page).contains("2 incidents Incidents, newest first Incident Service Severity Phase Manager Age Next timer due "
                + "INC-2 Slow logins identity-service low detection Grace Hopkins 7m ack by 10:05 UTC "
                + "INC-1 Checkout failing payments-api high detection Alice Smith 12m ack by 09:05 UTC");
    }

    @Test
    void filtersNarrowTheListAndWorkWithoutJavaScript() {
        say("zoe", "general", "/incident declare payments-api high Checkout failing");
        say("zoe", "general", "/incident declare identity-service low Slow logins");
        say("zoe", "general", "/incident declare payments-api low Refund delays");
        say("bob", "inc-3-refund-delays", "/incident resolve fixed");
        say("bob", "inc-3-refund-delays", "/incident close");

        assertThat(keys("/dashboard")).isEqualTo("INC-3 INC-2 INC-1");
        assertThat(keys("/dashboard?status=open")).isEqualTo("INC-2 INC-1");
        assertThat(keys("/dashboard?status=closed")).isEqualTo("INC-3");
        assertThat(keys("/dashboard?service=payments-api")).isEqualTo("INC-3 INC-1");
        assertThat(keys("/dashboard?service=payments-api&severity=low&status=all")).isEqualTo("INC-3");
        assertThat(page("/dashboard?service=nothing-here", 200)).contains("No incidents match.");

        clock.advance(DashboardResource.RECENT.plusMinutes(1));
        assertThat(keys("/dashboard")).as("closed more than a week ago: no longer recent").isEqualTo("INC-2 INC-1");
        assertThat(keys("/dashboard?status=all")).isEqualTo("INC-3 INC-2 INC-1");
    }

    @Test
    void drillsAreMarkedIncludedByDefaultAndCanBeLeftOutOrShownAlone() {
        say("zoe", "general", "/incident declare payments-api high Checkout failing");
        say("zoe", "general", "/incident drill payments-api low outage");

        assertThat(page("/dashboard", 200)).contains("INC-2 Practice outage DRILL payments-api low");
        assertThat(keys("/dashboard")).isEqualTo("INC-2 INC-1");
        assertThat(keys("/dashboard?drills=include")).isEqualTo("INC-2 INC-1");
        assertThat(keys("/dashboard?drills=exclude")).isEqualTo("INC-1");
        assertThat(keys("/dashboard?drills=only&service=payments-api")).isEqualTo("INC-2");
        assertThat(page("/dashboard?drills=sometimes", 400))
                .contains("Drills must be include, exclude or only (or empty to include them), not `sometimes`.");
        String plans = page("/dashboard/plans", 200);
        assertThat(plans).contains("Last drill 2026-11-25").containsOnlyOnce("a drill is due"); // identity-service's
    }

    @Test
    void aBadFilterIsA400WithTheReasonAndNoList() {
        say("zoe", "general", "/incident declare payments-api high Checkout failing");

        String page = page("/dashboard?status=sideways", 400);

        assertThat(page).contains("Status must be open, closed or all (or empty for open and recent incidents), not `sideways`.");
        assertThat(page).doesNotContain("INC-1");
        assertThat(page("/dashboard?severity=" + "x".repeat(101), 400))
                .contains("Service and severity must be at most 100 characters.");
    }

    @Test
    void theIncidentPageShowsPhasesAgainstTargetsRolesStepsTimelineAndLessons() {
        say("zoe", "general", "/incident declare payments-api high type=outage Checkout failing");
        clock.advance(Duration.ofMinutes(2));
        say("alice", CHANNEL, "/incident ack");
        clock.advance(Duration.ofMinutes(8));
        say("alice", CHANNEL, "/incident phase analysis");
        say("bob", CHANNEL, "/incident done 1");
        clock.advance(Duration.ofMinutes(30));
        say("alice", CHANNEL, "/incident phase containment");
        say("alice", CHANNEL, "/incident update Failover under way");
        say("alice", CHANNEL, "/incident handover @bob");
        clock.advance(Duration.ofMinutes(10));
        say("carol", CHANNEL, "/incident lesson Automate the failover check");
        say("alice", CHANNEL, "/incident lesson 2 Paging the database team took 20 minutes");

        String page = page("/dashboard/incidents/INC-1", 200);

        assertThat(page).contains("INC-1 · Checkout failing Summary Status open Phase containment "
                + "Service payments-api — Payments API incident response plan Severity high Type outage "
                + "Incident manager Bob Jones Declared 2026-11-25 09:00 UTC by zoe "
                + "Acknowledged — Resolved — Closed — Escalation level 1 Channel #inc-1-checkout-failing (local)");
        assertThat(page).contains("Phases detection done took 10m, no target "
                + "analysis done took 30m, target 15m: missed "
                + "containment current since 09:40 UTC (10m), target 1h: due by 10:40 UTC "
                + "eradication not reached target 4h recovery not reached target 8h "
                + "resolved not reached closed not reached Roles over time");
        assertThat(page).contains("Roles over time Role Person From Until "
                + "incident-manager Alice Smith 2026-11-25 09:00 UTC 2026-11-25 09:40 UTC "
                + "incident-manager Bob Jones 2026-11-25 09:40 UTC now "
                + "communications-liaison Dave");
        assertThat(page).contains("Checklist Check the payments dashboard and the upstream processor status page "
                + "done by Bob Jones at 2026-11-25 09:10 UTC Fail traffic over to the secondary region runbook not done yet");
        assertThat(page).contains("Timers pending ack by 09:45 UTC update by 10:10 UTC containment target 10:40 UTC "
                + "Status updates 2026-11-25 09:40 UTC — Alice Smith: Failover under way");
        assertThat(page).contains("Timeline 2026-11-25 09:00 UTC zoe declared payments-api high (outage): Checkout failing "
                + "2026-11-25 09:00 UTC zoe manager assigned Alice Smith is incident manager");
        assertThat(page).contains("2026-11-25 09:02 UTC Alice Smith acknowledged Acknowledged 2m after declaration.");
        assertThat(page).contains("2026-11-25 09:40 UTC Alice Smith handover Incident manager: Alice Smith → Bob Jones.");
        assertThat(page).contains("Lessons learned 2. What went wrong or slowed us down? "
                + "Paging the database team took 20 minutes — Alice Smith, 2026-11-25 09:50 UTC "
                + "Other lessons Automate the failover check — Carol White, 2026-11-25 09:50 UTC");
        assertThat(page).contains("Report No report yet: it is stored by report after resolve");
    }

    @Test
    void theReportIsDownloadedAsMarkdownOnceStored() {
        say("zoe", "general", "/incident declare payments-api low Refund delays");
        given().get("/dashboard/incidents/INC-1/report.md").then().statusCode(404)
                .body(org.hamcrest.Matchers.equalTo("INC-1 has no report yet: it is stored by `report` after `resolve`."));
        say("alice", "inc-1-refund-delays", "/incident resolve Queue drained");
        say("alice", "inc-1-refund-delays", "/incident report");

        String markdown = given().get("/dashboard/incidents/INC-1/report.md").then().statusCode(200)
                .contentType("text/markdown;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"INC-1-report.md\"")
                .extract().asString();
        assertThat(markdown).startsWith("# INC-1 · payments-api · LOW — Refund delays\n");
        assertThat(page("/dashboard/incidents/INC-1", 200)).contains("Report Download the report (Markdown) Read the report # INC-1");
    }

    @Test
    void anUnknownIncidentIsA404Page() {
        assertThat(page("/dashboard/incidents/INC-9", 404)).contains("Not found No incident INC-9.");
        assertThat(page("/dashboard/incidents/nonsense", 404)).contains("No incident nonsense.");
        given().get("/dashboard/incidents/INC-9/report.md").then().statusCode(404).body(org.hamcrest.Matchers.equalTo("No incident INC-9."));
    }

    @Test
    void thePlansPageRendersEachPlanReadably() {
        String page = page("/dashboard/plans", 200);

        assertThat(page).contains("identity-service — valid");
        assertThat(page).contains("payments-api — Payments API incident response plan File payments-api.yaml Validity valid");
        assertThat(page).contains("Last drill never — a drill is due");
        assertThat(page).contains("token-leak — restricted: only its responders and escalation levels see it");
        assertThat(page).contains("incident-manager Leads the response, owns decisions and the timeline. "
                + "Eligible, in order: alice, bob, carol.");
        assertThat(page).contains("high 5m 30m required analysis 15m, containment 1h, eradication 4h, recovery 8h");
        assertThat(page).contains("Payments engineering leads : bob, carol.");
    }

    private static String page(String path, int status) {
        return PageText.of(given().get(path).then().statusCode(status).contentType(org.hamcrest.Matchers.startsWith("text/html"))
                .extract().asString());
    }

    /** The incident keys the list shows, in order. */
    private static String keys(String path) {
        return PageText.incidentKeys(given().get(path).then().statusCode(200).extract().asString());
    }
}
