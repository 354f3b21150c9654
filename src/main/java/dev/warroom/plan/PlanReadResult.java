package dev.warroom.plan;

import java.util.List;

/**
 * The outcome of reading one plan manifest: the plan when it is valid, otherwise every error found.
 *
 * @param service the service the file declares when that value is a valid slug, even if the plan has other errors
 *                (used to find two files declaring the same service); null when it has none
 * @param plan    the plan, or null when there is any error
 */
public record PlanReadResult(String file, String service, Plan plan, List<PlanError> errors) {

    public PlanReadResult {
        errors = List.copyOf(errors);
        if (plan != null && !errors.isEmpty()) {
            throw new IllegalArgumentException("a plan with errors is not a valid plan: " + file);
        }
    }

    public PlanReadResult(String file, Plan plan, List<PlanError> errors) {
        this(file, plan == null ? null : plan.service(), plan, errors);
    }

    static PlanReadResult failed(String file, String path, String rule) {
        return new PlanReadResult(file, null, null, List.of(new PlanError(file, path, rule)));
    }

    public boolean isValid() {
        return errors.isEmpty();
    }
}
