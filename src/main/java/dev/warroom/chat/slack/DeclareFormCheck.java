package dev.warroom.chat.slack;

import dev.warroom.plan.Plan;
import dev.warroom.plan.PlanRegistry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Checks the declare modal before it closes, so mistakes show beside the field in the modal. */
final class DeclareFormCheck {

    private DeclareFormCheck() {
    }

    /** Errors by the modal's block id; empty when the form can declare. */
    static Map<String, String> errors(SlackBlocks.DeclareForm form, PlanRegistry plans) {
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Plan> plan = form.service() == null ? Optional.empty() : plans.active(form.service());
        if (plan.isEmpty()) {
            errors.put("service", "Choose a service with a plan.");
        } else {
            if (form.severity() == null || plan.get().severity(form.severity()).isEmpty()) {
                errors.put("severity", "Choose one of " + String.join(", ", plan.get().severities().keySet()) + ".");
            }
            if (form.incidentType() != null && plan.get().incidentType(form.incidentType()).isEmpty()) {
                errors.put("type", form.service() + " covers " + String.join(", ", plan.get().incidentTypes().stream()
                        .map(Plan.IncidentType::name).toList()) + ".");
            }
        }
        if (form.title() == null || form.title().isBlank()) {
            errors.put("title", "Give the incident a title.");
        }
        return errors;
    }
}
