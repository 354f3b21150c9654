package dev.warroom.ops;

import dev.warroom.notify.PlatformRouter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while too many outbox messages for the platforms that are on wait: a replica whose deliveries
 * are stuck (a chat platform down, a dead SMTP server) should not take more work that would only queue behind them.
 */
@Readiness
@ApplicationScoped
public class OutboxBacklogCheck implements HealthCheck {

    @Inject
    EntityManager entityManager;
    @Inject
    PlatformRouter router;
    @ConfigProperty(name = "warroom.health.outbox-backlog-limit")
    long limit;

    @Override
    @Transactional
    public HealthCheckResponse call() {
        // Rows for a platform that is off (e.g. email without SMTP) wait by design; they say nothing about this replica.
        long pending = ((Number) entityManager.createNativeQuery(
                        "select count(*) from outbox_message where status = 'PENDING' and platform in (:platforms)")
                .setParameter("platforms", router.enabledPlatforms()).getSingleResult()).longValue();
        return HealthCheckResponse.named("outbox backlog").status(pending <= limit)
                .withData("pending", pending).withData("limit", limit).build();
    }
}
