package dev.warroom.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while too many outbox messages wait: a replica whose deliveries are stuck (a chat platform
 * down, a dead SMTP server) should not take more work that would only queue behind them.
 */
@Readiness
@ApplicationScoped
public class OutboxBacklogCheck implements HealthCheck {

    @Inject
    EntityManager entityManager;
    @ConfigProperty(name = "warroom.health.outbox-backlog-limit")
    long limit;

    @Override
    @Transactional
    public HealthCheckResponse call() {
        long pending = ((Number) entityManager.createNativeQuery(
                "select count(*) from outbox_message where status = 'PENDING'").getSingleResult()).longValue();
        return HealthCheckResponse.named("outbox backlog").status(pending <= limit)
                .withData("pending", pending).withData("limit", limit).build();
    }
}
