package dev.warroom.incident;

import dev.warroom.support.ScenarioTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.warroom.support.LocalChatClient.botTexts;
import static dev.warroom.support.LocalChatClient.lastBotText;
import static dev.warroom.support.LocalChatClient.say;
import static org.assertj.core.api.Assertions.assertThat;

/** A whole incident through the local chat: declare to closed report, with two other incidents open. */
@QuarkusTest
class IncidentScenarioTest extends ScenarioTest {

    static final String CHANNEL = "inc-3-checkout-failing";

    @Test
    void declaredIncidentRunsFromDeclarationToClosedReport() {
        // Two open incidents keep alice and bob busy, so the pick for the third skips them.
        say("zoe", "general", "/incident declare payments-api low Slow refunds");
        clock.advance(Duration.ofMinutes(1));
        say("zoe", "general", "/incident declare payments-api medium Webhook delays");
        assertThat(lastBotText("general")).isEqualTo("INC-2 declared: payments-api medium — Webhook delays. "
                + "Incident manager: Bob Jones. Channel: #inc-2-webhook-delays");
        clock.advance(Duration.ofMinutes(1));

        say("zoe", "general", "/incident declare payments-api high type=outage Checkout failing");

        assertThat(lastBotText("general")).isEqualTo("INC-3 declared: payments-api high — Checkout failing. "
                + "Incident manager: Carol White. Channel: #inc-3-checkout-failing");
        List<String> channel = botTexts(CHANNEL);
        assertThat(channel.get(0)).isEqualTo("""
                *INC-3 · payments-api · HIGH — Checkout failing*
                Phase: detection since 09:02 UTC
                Declared: by zoe at 09:02 UTC
                Type: outage
                Incident manager: Carol White (ack within 5m)
                Roles: communications-liaison: Dave Brown, Erin Green; technical-expert: Bob Jones, Carol White, Frank Black; forensic-lead: Frank Black
                Steps: 0 of 3 done
                Escalation: level 1, Response team
                Plan: https://wiki.example.com/plans/payments-api
                Offline copy: Printed copy in the operations binder, shelf 2, London office""");
        assertThat(channel.get(1)).isEqualTo("""
                *Mitigation steps (outage)* — INC-3
                1. ☐ Check the payments dashboard and the upstream processor status page
                2. ☐ Fail traffic over to the secondary region (runbook: https://wiki.example.com/runbooks/payments-failover)
                3. ☐ Confirm card authorisations succeed in the secondary region""");
        assertThat(lastBotText("@carol")).isEqualTo("You are incident manager of INC-3 (payments-api high): "
                + "Checkout failing. Acknowledge within 5m: `ack INC-3`. Channel: #inc-3-checkout-failing");
        assertThat(botTexts("@carol")).noneMatch(text -> text.startsWith("INC-3 declared")); // the manager is told once
        String notice = "INC-3 declared: payments-api high — Checkout failing. Incident manager: Carol White. "
                + "Channel: #inc-3-checkout-failing\n";
        assertThat(lastBotText("@dave")).isEqualTo(notice + "_You are told as communications-liaison, told by incident-manager._");
        assertThat(lastBotText("@frank")).isEqualTo(notice + "_You are told as technical-expert, told by incident-manager._");
        assertThat(botTexts("@head-of-payments")).hasSize(2); // medium INC-2 and high INC-3, not low INC-1
        assertThat(botTexts("@card-processor-noc")).containsExactly(
                notice + "_You are told as external stakeholder, told by communications-liaison._");
        JsonPath declared = incident("INC-3");
        assertThat(declared.getString("incident.manager")).isEqualTo("carol");
        assertThat(declared.getList("timeline.details", String.class)).containsSubsequence(
                "payments-api high (outage): Checkout failing",
                "Carol White is incident manager (least recently assigned of those available). "
                        + "Skipped: Alice Smith manages INC-1; Bob Jones manages INC-2.",
                "Communication chain told: Dave Brown, Erin Green, Bob Jones, Frank Black, Head of Payments, "
                        + "Card processor NOC.");

        clock.advance(Duration.ofMinutes(3));
        say("carol", CHANNEL, "/incident ack");
        assertThat(lastBotText(CHANNEL)).isEqualTo("INC-3 acknowledged by Carol White (3m after declaration).");

        say("bob", CHANNEL, "/incident done 1");
        assertThat(lastBotText(CHANNEL)).isEqualTo("☑ Step 1 done by Bob Jones: Check the payments dashboard and the "
                + "upstream processor status page. 2 mitigation steps open.");
        say("frank", CHANNEL, "/incident skip 2 failover is automatic since October");
        assertThat(lastBotText(CHANNEL)).isEqualTo("⤼ Step 2 skipped by Frank Black: Fail traffic over to the secondary "
                + "region — reason: failover is automatic since October. 1 mitigation step open.");
        say("carol", "@carol", "done INC-3 3");
        assertThat(lastBotText(CHANNEL)).isEqualTo("☑ Step 3 done by Carol White: Confirm card authorisations succeed "
                + "in the secondary region. All mitigation steps handled.");
        assertThat(lastBotText("@carol")).isEqualTo(lastBotText(CHANNEL));

        say("carol", CHANNEL, "/incident phase analysis");
        assertThat(lastBotText(CHANNEL)).isEqualTo("INC-3 moved to *analysis* (from detection) by Carol White. "
                + "Target: done within 15m, by 09:20 UTC.");
        clock.advance(Duration.ofMinutes(10));
        say("carol", CHANNEL, "/incident phase containment");
        assertThat(lastBotText(CHANNEL)).isEqualTo("INC-3 moved to *containment* (from analysis) by Carol White. "
                + "Target: done within 1h, by 10:15 UTC.");

        say("dave", CHANNEL, "/incident update Traffic on the secondary region, error rate falling");
        assertThat(lastBotText(CHANNEL)).isEqualTo("📣 *Status update* on INC-3 from Dave Brown: Traffic on the "
                + "secondary region, error rate falling");
        assertThat(lastBotText("@head-of-payments")).isEqualTo("📣 INC-3 · payments-api · HIGH — Checkout failing "
                + "(containment), update from Dave Brown: Traffic on the secondary region, error rate falling\n"
                + "_You are told as internal stakeholder, told by communications-liaison._");

        clock.advance(Duration.ofMinutes(30));
        say("carol", CHANNEL, "/incident resolve Failed over to the secondary region; processor recovered");
        List<String> afterResolve = botTexts(CHANNEL);
        assertThat(afterResolve.subList(afterResolve.size() - 3, afterResolve.size())).containsExactly(
                "✅ INC-3 resolved by Carol White: Failed over to the secondary region; processor recovered",
                """
                *Recovery steps (back to business as usual)* — INC-3
                4. ☐ Error rate and latency at baseline for 30 minutes
                5. ☐ Failover reverted, both regions serving
                6. ☐ Backlog of delayed payments reconciled""",
                """
                📝 *Lessons learned* for INC-3, @carol @dave @erin @bob @frank: reply in this thread, one lesson \
                a reply, starting with the number of the question it answers (`2. …`), or type `lesson 2 <text>`.
                1. What went well?
                2. What went wrong or slowed us down?
                3. What should change in this plan?""");

        say("erin", CHANNEL, "/incident done 4");
        say("bob", CHANNEL, "/incident lesson Automate the failover check");
        assertThat(lastBotText(CHANNEL)).isEqualTo("Lesson 1 recorded for INC-3. Thank you, Bob Jones.");
        say("zoe", CHANNEL, "/incident lesson The status page lagged by 10 minutes");
        assertThat(lastBotText(CHANNEL)).isEqualTo("Lesson 2 recorded for INC-3. Thank you, zoe.");

        say("carol", CHANNEL, "/incident close");
        assertThat(lastBotText(CHANNEL)).isEqualTo(
                "INC-3 is high: its report is required before it can close. Run `report`, then `close`.");
        say("carol", CHANNEL, "/incident report");
        assertThat(lastBotText(CHANNEL)).startsWith("# INC-3 · payments-api · HIGH — Checkout failing\n")
                .contains("## Summary\n\nFailed over to the secondary region; processor recovered")
                .contains("- [x] 1. Check the payments dashboard and the upstream processor status page — done by Bob Jones at 2026-11-25 09:05 UTC")
                .contains("- [ ] 2. Fail traffic over to the secondary region — skipped by Frank Black: failover is automatic since October")
                .contains("- Automate the failover check — Bob Jones")
                .contains("- The status page lagged by 10 minutes — zoe");
        clock.advance(Duration.ofMinutes(5));
        say("carol", CHANNEL, "/incident close");
        assertThat(lastBotText(CHANNEL)).isEqualTo("🏁 INC-3 closed by Carol White. The report is stored: `report INC-3`.");

        // The card and the checklists posted at the start were kept up to date in place.
        List<String> atClose = botTexts(CHANNEL);
        assertThat(atClose.get(0)).contains("Phase: closed since 09:50 UTC\n")
                .contains("Incident manager: Carol White (acknowledged 09:05 UTC)\n")
                .contains("Steps: 3 of 6 done, 1 skipped\n");
        assertThat(atClose.get(1)).isEqualTo("""
                *Mitigation steps (outage)* — INC-3
                1. ☑ Check the payments dashboard and the upstream processor status page — done by Bob Jones
                2. ⤼ Fail traffic over to the secondary region (runbook: https://wiki.example.com/runbooks/payments-failover) — skipped by Frank Black: failover is automatic since October
                3. ☑ Confirm card authorisations succeed in the secondary region — done by Carol White""");

        JsonPath closed = incident("INC-3");
        assertThat(closed.getString("incident.phase")).isEqualTo("closed");
        assertThat(closed.getString("incident.status")).isEqualTo("closed");
        assertThat(closed.getString("incident.closedAt")).isEqualTo("2026-11-25T09:50:00Z");
        assertThat(closed.getString("summary")).isEqualTo("Failed over to the secondary region; processor recovered");
        assertThat(closed.getList("steps.status", String.class))
                .containsExactly("done", "skipped", "done", "done", "open", "open");
        assertThat(closed.getList("lessons.author", String.class)).containsExactly("bob", "zoe");
        assertThat(closed.getString("report")).contains("| Closed | 2026-11-25 09:50 UTC (48m after declaration) |")
                .contains("closed: Closed.");
        assertThat(closed.getList("timeline.type", String.class)).containsExactly(
                "declared", "manager_assigned", "notified", "acknowledged", "step_done", "step_skipped", "step_done",
                "phase_changed", "phase_changed", "status_update", "resolved", "step_done", "lesson_added",
                "lesson_added", "report_written", "closed", "report_written");
    }
}
