package dev.warroom.plan;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Plans reload without a restart; a broken edit keeps the last good version in force. */
class PlanRegistryTest {

    @TempDir
    Path dir;
    PlanRegistry registry;
    String example;

    @BeforeEach
    void setUp() throws IOException {
        example = Files.readString(Path.of("manifests/plans/payments-api.yaml"));
        Files.writeString(dir.resolve("payments-api.yaml"), example);
        registry = new PlanRegistry();
        registry.plansDir = dir;
        registry.clock = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);
        registry.reload();
    }

    @Test
    void aValidEditIsTakenOnReload() throws IOException {
        Files.writeString(dir.resolve("payments-api.yaml"), example.replace(
                "title: Payments API incident response plan", "title: Payments API plan, v2"));

        registry.reloadIfChanged();

        assertThat(registry.active("payments-api").orElseThrow().title()).isEqualTo("Payments API plan, v2");
    }

    @Test
    void aBrokenEditKeepsTheLastGoodVersionAndReportsTheError() throws IOException {
        Files.writeString(dir.resolve("payments-api.yaml"), example.replace(
                "    contacts: [{email: dave@example.com}, {phone: \"+44 20 7946 0002\"}]",
                "    contacts: [{email: dave@example.com}]"));

        registry.reloadIfChanged();

        PlanRegistry.PlanState state = registry.states().get(0);
        assertThat(state.valid()).isFalse();
        assertThat(state.errors()).extracting(PlanError::toString)
                .containsExactly("payments-api.yaml: people.dave.contacts: needs at least 2 contact methods, has 1");
        assertThat(registry.active("payments-api").orElseThrow().title()).isEqualTo("Payments API incident response plan");
    }

    @Test
    void aNewBrokenPlanIsNotLoadedAndADeletedPlanIsGone() throws IOException {
        Files.writeString(dir.resolve("billing.yaml"), "service: billing\n");
        Files.delete(dir.resolve("payments-api.yaml"));

        List<PlanRegistry.PlanState> states = registry.reload();

        assertThat(states).extracting(PlanRegistry.PlanState::file).containsExactly("billing.yaml");
        assertThat(states.get(0).active()).isNull();
        assertThat(registry.activePlans()).isEmpty();
    }

    @Test
    void aPlanPastItsReviewDateIsStale() {
        Plan plan = registry.active("payments-api").orElseThrow();
        assertThat(registry.isStale(plan)).isFalse();

        registry.clock = Clock.fixed(Instant.parse("2026-12-31T00:00:00Z"), ZoneOffset.UTC);

        assertThat(registry.isStale(plan)).isTrue();
    }
}
