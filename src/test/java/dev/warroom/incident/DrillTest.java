package dev.warroom.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warroom.notify.Destination;
import dev.warroom.notify.OutboxMessage;
import dev.warroom.support.ScenarioTest;
import dev.warroom.support.SmtpServerStandIn;
import dev.warroom.support.TimerClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.warroom.support.LocalChatClient.botTexts;
import static dev.warroom.support.LocalChatClient.lastBotText;
import static dev.warroom.support.LocalChatClient.say;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Drills: practice incidents that run the plan for real, say DRILL everywhere and leave stakeholders alone. */
@QuarkusTest
class DrillTest extends ScenarioTest {

    static final String CHANNEL = "inc-1-practice-outage";
    static final String DRILL = "/incident drill payments-api high outage";

    @Inject
    TimerClock timers;
    @Inject
    ObjectMapper json;

    @BeforeEach
    void emptyMailServer() {
        SmtpServerStandIn.forget();
    }

    @Test
    void aDrillSaysDrillOnEveryMessageItSends() {
        say("zoe", "general", DRILL);

        assertThat(lastBotText("general")).isEqualTo("[DRILL] INC-1 declared: payments-api high — Practice outage. "
                + "Incident manager: Alice Smith. Channel: #" + CHANNEL);
        assertThat(lastBotText("@alice")).isEqualTo("[DRILL] You are incident manager of INC-1 (payments-api high): "
                + "Practice outage. Acknowledge within 5m: `ack INC-1`. Channel: #" + CHANNEL);
        assertThat(lastBotText("@dave")).isEqualTo("[DRILL] INC-1 declared: payments-api high — Practice outage. "
                + "Incident manager: Alice Smith. Channel: #" + CHANNEL
                + "\n_You are told as communications-liaison, told by incident-manager._");
        assertThat(botTexts(CHANNEL)).isNotEmpty().allMatch(text -> text.startsWith("[DRILL] "));
        assertThat(botTexts(CHANNEL)).anyMatch(text -> text.startsWith("[DRILL] *INC-1 · payments-api · HIGH — Practice "
                + "outage* (drill)\nPhase: detection since 09:00 UTC"));

        say("alice", CHANNEL, "/incident update Failover under way");
        assertThat(lastBotText(CHANNEL)).isEqualTo("[DRILL] 📣 *Status update* on INC-1 from Alice Smith: Failover under way");
        say("zoe", "general", "/incident status INC-1");
        assertThat(lastBotText("general")).startsWith("[DRILL] *INC-1 · payments-api · HIGH — Practice outage* (drill)");

        assertThat(outboxTexts()).hasSizeGreaterThan(8).allMatch(text -> text.startsWith("[DRILL] "));
        JsonPath incident = incident("INC-1");
        assertThat(incident.getBoolean("incident.drill")).isTrue();
        assertThat(incident.getString("incident.type")).isEqualTo("outage");
        assertThat(incident.getList("timeline.details", String.class))
                .contains("Drill: payments-api high (outage): Practice outage");
    }

    @Test
    void aDrillTellsNoStakeholderAlongTheChainOrTheEscalationLevels() throws MessagingException {
        say("zoe", "general", DRILL);
        say("alice", CHANNEL, "/incident escalate practising level 2");
        SmtpServerStandIn.forget();
        say("alice", CHANNEL, "/incident escalate practising level 3");

        assertThat(lastBotText(CHANNEL)).isEqualTo("[DRILL] ⬆ INC-1 escalated to level 3, Major Incident Team by Alice "
                + "Smith. Paged: Dave Brown. Reason: practising level 3");
        assertThat(emails()).containsExactly(
                "dave@example.com: [DRILL] [INC-1] high · payments-api — escalated to you");
        assertThat(botTexts("@head-of-payments")).isEmpty();
        assertThat(botTexts("@card-processor-noc")).isEmpty();
        assertThat(stakeholderRows()).isZero();
        assertThat(incident("INC-1").getList("timeline.details", String.class)).containsSubsequence(
                "Drill: not notified Head of Payments (stakeholder)",
                "Drill: not notified Card processor NOC (stakeholder)",
                "Communication chain told: Dave Brown, Erin Green, Bob Jones, Carol White, Frank Black.",
                "Drill: not notified Head of Payments (stakeholder)",
                "level 3, Major Incident Team: practising level 3 (paged: Dave Brown)");
    }

    @Test
    void aDrillsTimersFireAndEscalateForReal() throws MessagingException {
        say("zoe", "general", DRILL);

        assertThat(timers.at(Instant.parse("2026-11-25T09:05:00Z"))).isEqualTo(1);

        assertThat(botTexts(CHANNEL)).contains("[DRILL] No acknowledgement from Alice Smith within 5m — escalating to "
                + "level 2: Payments engineering leads");
        assertThat(lastBotText("@bob")).isEqualTo("[DRILL] You are incident manager of INC-1 (payments-api high): "
                + "Practice outage. Acknowledge within 5m: `ack INC-1`. Channel: #" + CHANNEL);
        assertThat(emails()).contains("carol@example.com: [DRILL] [INC-1] high · payments-api — escalated to you");
        assertThat(incident("INC-1").getInt("incident.escalationLevel")).isEqualTo(2);
    }

    @Test
    void aDrillMayNameItsTypeAndTitleOrNeither() {
        say("zoe", "general", "/incident drill payments-api low");
        say("zoe", "general", "/incident drill payments-api medium type=degradation Slow checkout");
        say("zoe", "general", "/incident drill payments-api medium Database failover");

        assertThat(given().get("/api/incidents").then().statusCode(200).extract().jsonPath()
                .getList("collect { it.key + ' ' + it.type + ' ' + it.title + ' ' + it.drill }", String.class))
                .containsExactlyInAnyOrder("INC-1 null Practice incident true", "INC-2 degradation Slow checkout true",
                        "INC-3 null Database failover true");
    }

    @Test
    void aDrillOfAnUnknownServiceOrSeverityIsRefusedWithNothingDeclared() {
        say("zoe", "general", "/incident drill billing high");
        assertThat(lastBotText("general")).isEqualTo("No plan for service `billing`; services: identity-service, "
                + "payments-api. Usage: `drill <service> <severity> [type] [title…]`");
        say("zoe", "general", "/incident drill payments-api sev1");
        assertThat(lastBotText("general")).isEqualTo("`sev1` is not a severity of payments-api; choose low, medium, "
                + "high. Usage: `drill <service> <severity> [type] [title…]`");
        assertThat(given().get("/api/incidents").then().statusCode(200).extract().jsonPath().getList("$")).isEmpty();
    }

    @Test
    void plansShowEachPlansLastDrillAndFlagPlansNeverOrNotRecentlyDrilled() {
        say("zoe", "general", "/incident plans");
        assertThat(lastBotText("general")).isEqualTo("*Plans*"
                + "\nidentity-service — valid, review due 2026-12-14; ⚠ never drilled"
                + "\npayments-api — valid, review due 2026-12-30; ⚠ never drilled");

        clock.set(Instant.parse("2026-08-01T10:00:00Z"));
        say("zoe", "general", "/incident drill payments-api low");
        clock.set(Instant.parse("2026-11-25T09:00:00Z"));
        say("zoe", "general", "/incident plans");
        assertThat(lastBotText("general")).endsWith(
                "\npayments-api — valid, review due 2026-12-30; ⚠ last drill 2026-08-01, over 90d ago");

        say("zoe", "general", "/incident drill payments-api low");
        say("zoe", "general", "/incident declare identity-service low Login slow"); // a real incident is no drill
        say("zoe", "general", "/incident plans");
        assertThat(lastBotText("general")).isEqualTo("*Plans*"
                + "\nidentity-service — valid, review due 2026-12-14; ⚠ never drilled"
                + "\npayments-api — valid, review due 2026-12-30; last drill 2026-11-25");

        JsonPath plans = given().get("/api/plans").then().statusCode(200).extract().jsonPath();
        assertThat(plans.getString("find { it.service == 'payments-api' }.lastDrill")).isEqualTo("2026-11-25T09:00:00Z");
        assertThat(plans.getBoolean("find { it.service == 'payments-api' }.drillDue")).isFalse();
        assertThat(plans.getString("find { it.service == 'payments-api' }.drill")).isEqualTo("last drill 2026-11-25");
        assertThat(plans.getString("find { it.service == 'identity-service' }.lastDrill")).isNull();
        assertThat(plans.getBoolean("find { it.service == 'identity-service' }.drillDue")).isTrue();
        assertThat(plans.getString("find { it.service == 'identity-service' }.drill")).isEqualTo("never drilled");
    }

    /** The text of every message queued for the first incident, to anyone on any platform. */
    private List<String> outboxTexts() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>list(
                "incidentId = 1L and kind = ?1 order by id", OutboxMessage.Kind.MESSAGE).stream()
                .map(row -> {
                    try {
                        return json.readTree(row.body).get("text").asText();
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList());
    }

    private static long stakeholderRows() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("destinationKind",
                Destination.Kind.STAKEHOLDER));
    }

    /** Each email received, as "recipient: subject". */
    static List<String> emails() throws MessagingException {
        List<String> out = new ArrayList<>();
        for (MimeMessage message : SmtpServerStandIn.received()) {
            out.add(message.getAllRecipients()[0] + ": " + message.getSubject());
        }
        return out;
    }
}
