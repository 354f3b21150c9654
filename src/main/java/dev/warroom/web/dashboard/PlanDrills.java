package dev.warroom.web.dashboard;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;

/**
 * HOOK for drills (issue 6, not built yet): when a plan was last drilled. Until drills exist, never,
 * and the plans page says "never".
 */
@ApplicationScoped
public class PlanDrills {

    public Optional<Instant> lastDrill(String service) {
        return Optional.empty();
    }
}
