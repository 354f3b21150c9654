package dev.warroom.ops;

import dev.warroom.plan.PlanRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Gauges of what is stored now: open incidents, outbox messages waiting or given up, plan validity.
 * Read from the database on a schedule rather than on every scrape, so a slow database never stalls
 * the metrics endpoint and every replica reports the same shared state.
 */
@ApplicationScoped
public class StateGauges {

    @Inject
    MeterRegistry registry;
    @Inject
    EntityManager entityManager;
    @Inject
    PlanRegistry plans;

    private MultiGauge openIncidents;
    private MultiGauge outboxMessages;
    private MultiGauge planValid;
    private MultiGauge planStale;

    @PostConstruct
    void register() {
        openIncidents = MultiGauge.builder("warroom.incidents.open").description("Incidents not yet closed").register(registry);
        outboxMessages = MultiGauge.builder("warroom.outbox.messages")
                .description("Outbox messages waiting to be sent (pending) or given up (failed)").register(registry);
        planValid = MultiGauge.builder("warroom.plan.valid").description("1 when the plan file is valid now").register(registry);
        planStale = MultiGauge.builder("warroom.plan.stale").description("1 when the plan is past its review date")
                .register(registry);
    }

    @Scheduled(every = "${warroom.metrics.refresh-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            executeWith = Scheduled.SIMPLE)
    void refreshOnSchedule() {
        refresh();
    }

    @Transactional
    public void refresh() {
        openIncidents.register(rows("select service, severity, phase, count(*) from incident where phase <> 'CLOSED'"
                + " group by service, severity, phase").stream()
                .map(r -> MultiGauge.Row.of(Tags.of("service", str(r[0]), "severity", str(r[1]), "phase",
                        str(r[2]).toLowerCase(java.util.Locale.ROOT)), num(r[3])))
                .toList(), true);
        outboxMessages.register(rows("select platform, status, count(*) from outbox_message where status <> 'SENT'"
                + " group by platform, status").stream()
                .map(r -> MultiGauge.Row.of(Tags.of("platform", str(r[0]), "status",
                        str(r[1]).toLowerCase(java.util.Locale.ROOT)), num(r[2])))
                .toList(), true);
        planValid.register(plans.states().stream()
                .map(s -> MultiGauge.Row.of(Tags.of("file", s.file()), s.valid() ? 1 : 0)).toList(), true);
        planStale.register(plans.activePlans().stream()
                .map(p -> MultiGauge.Row.of(Tags.of("service", p.service()), plans.isStale(p) ? 1 : 0)).toList(), true);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return entityManager.createNativeQuery(sql).getResultList();
    }

    private static String str(Object value) {
        return String.valueOf(value);
    }

    private static Number num(Object value) {
        return ((Number) value).longValue();
    }
}
