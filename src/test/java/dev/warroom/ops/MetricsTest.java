package dev.warroom.ops;

import dev.warroom.support.ScenarioTest;
import io.quarkus.test.junit.QuarkusTest;
import dev.warroom.timer.TimerFiring;
import dev.warroom.timer.TimerRunner;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.warroom.support.MetricsText.sample;
import static dev.warroom.support.LocalChatClient.say;
import static org.assertj.core.api.Assertions.assertThat;

/** After a scripted incident, /q/metrics shows what happened: counts, durations, open incidents, plan health. */
@QuarkusTest
class MetricsTest extends ScenarioTest {

    static final String CHANNEL = "inc-1-checkout-failing";
    static final String HIGH = "service=\"payments-api\",severity=\"high\"";

    @Inject
    StateGauges gauges;
    @Inject
    TimerRunner timers;
    @Inject
    TimerFiring firing;
    @Inject
    EntityManager entityManager;

    @Test
    void aScriptedIncidentShowsInTheMetrics() {
        double declared = sample("warroom_incidents_declared_total", "drill=\"false\"," + HIGH);
        double acks = sample("warroom_incident_time_to_acknowledge_seconds_count", HIGH);
        double ackSeconds = sample("warroom_incident_time_to_acknowledge_seconds_sum", HIGH);
        double escalations = sample("warroom_escalations_total", "reason=\"manual\"," + HIGH);
        double resolved = sample("warroom_incidents_resolved_total", "drill=\"false\"," + HIGH);
        double resolveSeconds = sample("warroom_incident_time_to_resolve_seconds_sum", HIGH);

        say("zoe", "general", "/incident declare payments-api high Checkout failing");
        clock.advance(Duration.ofMinutes(3));
        say("alice", CHANNEL, "/incident ack");
        say("alice", CHANNEL, "/incident escalate need the leads");
        gauges.refresh();

        assertThat(sample("warroom_incidents_declared_total", "drill=\"false\"," + HIGH)).isEqualTo(declared + 1);
        assertThat(sample("warroom_incident_time_to_acknowledge_seconds_count", HIGH)).isEqualTo(acks + 1);
        assertThat(sample("warroom_incident_time_to_acknowledge_seconds_sum", HIGH)).isEqualTo(ackSeconds + 180);
        assertThat(sample("warroom_escalations_total", "reason=\"manual\"," + HIGH)).isEqualTo(escalations + 1);
        assertThat(sample("warroom_incidents_open", "phase=\"detection\"," + HIGH)).isEqualTo(1);
        assertThat(sample("warroom_plan_valid", "file=\"payments-api.yaml\"")).isEqualTo(1);

        clock.advance(Duration.ofMinutes(57));
        say("alice", CHANNEL, "/incident resolve Rolled back the release");
        gauges.refresh();

        assertThat(sample("warroom_incidents_resolved_total", "drill=\"false\"," + HIGH)).isEqualTo(resolved + 1);
        assertThat(sample("warroom_incident_time_to_resolve_seconds_sum", HIGH)).isEqualTo(resolveSeconds + 3600);
        assertThat(sample("warroom_incidents_open", "phase=\"detection\"," + HIGH)).isZero();
        assertThat(sample("warroom_incidents_open", "phase=\"resolved\"," + HIGH)).isEqualTo(1);
    }

    @Test
    void aRefusedCommandCountsNothing() {
        double escalations = sample("warroom_escalations_total", "reason=\"manual\"," + HIGH);
        say("zoe", "general", "/incident declare payments-api high Checkout failing");

        say("zoe", CHANNEL, "/incident escalate I am not a responder");

        assertThat(sample("warroom_escalations_total", "reason=\"manual\"," + HIGH)).isEqualTo(escalations);
    }

    @Test
    void aTimerShowsHowLateItFiredAndWhatItDid() {
        String ack = "kind=\"ack\"";
        double late = sample("warroom_timer_lateness_seconds_sum", ack);
        double runs = sample("warroom_timer_lateness_seconds_count", ack);
        double acted = sample("warroom_timer_firings_total", ack + ",outcome=\"acted\"");
        double skipped = sample("warroom_timer_firings_total", ack + ",outcome=\"skipped\"");
        Instant declared = clock.instant();
        say("zoe", "general", "/incident declare payments-api high Checkout failing"); // alice acks within 5m

        clock.advance(Duration.ofMinutes(5).plusSeconds(42));
        assertThat(timers.fireDue()).isEqualTo(1);

        assertThat(sample("warroom_timer_lateness_seconds_sum", ack)).isEqualTo(late + 42);
        assertThat(sample("warroom_timer_lateness_seconds_count", ack)).isEqualTo(runs + 1);
        assertThat(sample("warroom_timer_firings_total", ack + ",outcome=\"acted\"")).isEqualTo(acted + 1);

        // Quartz's recovery running the same firing again: it does nothing, and says so.
        assertThat(firing.fire("ack", incidentId(), declared.plus(Duration.ofMinutes(5)))).isFalse();
        assertThat(sample("warroom_timer_firings_total", ack + ",outcome=\"skipped\"")).isEqualTo(skipped + 1);
        assertThat(sample("warroom_timer_lateness_seconds_sum", ack)).isEqualTo(late + 42 + 42);
    }

    private String incidentId() {
        return QuarkusTransaction.requiringNew().call(() ->
                entityManager.createNativeQuery("select id from incident").getSingleResult().toString());
    }
}
