package dev.warroom.alert;

import dev.warroom.incident.AlertNotice;
import dev.warroom.plan.Plan;
import dev.warroom.plan.PlanRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads an Alertmanager notification against the loaded plans: which service, which severity, what
 * title. A notification Warroom cannot act on is ignored with a reason, never half-applied.
 */
final class AlertmanagerReading {

    static final String SOURCE = "Alertmanager";
    private static final int MAX_TITLE = 200;

    /** The notice to apply, or the reason it is ignored. */
    record Result(AlertNotice notice, String ignoredBecause) {}

    private final AlertSettings settings;
    private final PlanRegistry plans;

    AlertmanagerReading(AlertSettings settings, PlanRegistry plans) {
        this.settings = settings;
        this.plans = plans;
    }

    /** Checks the shape Alertmanager always sends; the reason for a 400, or empty when well-formed. */
    static Optional<String> malformed(AlertmanagerNotification n) {
        if (n == null) {
            return Optional.of("The body must be Alertmanager's webhook JSON object.");
        }
        if (!"4".equals(n.version())) {
            return Optional.of("Only Alertmanager webhook version 4 is supported; got " + quoted(n.version()) + ".");
        }
        if (n.groupKey() == null || n.groupKey().isBlank()) {
            return Optional.of("`groupKey` is missing.");
        }
        if (!"firing".equals(n.status()) && !"resolved".equals(n.status())) {
            return Optional.of("`status` must be firing or resolved; got " + quoted(n.status()) + ".");
        }
        if (n.alerts() == null || n.alerts().isEmpty() || n.alerts().contains(null)) {
            return Optional.of("`alerts` must list at least one alert.");
        }
        return Optional.empty();
    }

    Result read(AlertmanagerNotification n) {
        boolean firing = "firing".equals(n.status());
        int count = (int) n.alerts().stream().filter(a -> n.status().equals(a.status())).count();
        Optional<String> service = label(n, settings.serviceLabel());
        if (service.isEmpty()) {
            return ignored("The alerts have no `" + settings.serviceLabel() + "` label naming a service.");
        }
        Optional<Plan> plan = plans.active(service.get());
        if (plan.isEmpty()) {
            return ignored("No plan for service `" + service.get() + "`; services: " + services() + ".");
        }
        Optional<String> alertSeverity = label(n, settings.severityLabel());
        String severity = alertSeverity.flatMap(s -> planSeverity(plan.get(), s)).orElseGet(() -> fallbackSeverity(plan.get()));
        String note = alertSeverity.flatMap(s -> planSeverity(plan.get(), s)).isPresent() ? null
                : alertSeverity.map(s -> "severity `" + s + "` is not mapped").orElse("no `" + settings.severityLabel() + "` label")
                + "; declared as " + severity;
        String type = label(n, settings.typeLabel()).filter(t -> plan.get().incidentType(t).isPresent()).orElse(null);
        return new Result(new AlertNotice(SOURCE, n.groupKey(), firing, Math.max(count, 1), plan.get().service(), severity,
                type, title(n), note), null);
    }

    private static Result ignored(String reason) {
        return new Result(null, reason);
    }

    /** The label's value: common to the group first, then the first alert that has it. */
    private static Optional<String> label(AlertmanagerNotification n, String name) {
        List<Map<String, String>> sources = new ArrayList<>();
        sources.add(n.commonLabels());
        sources.add(n.groupLabels());
        n.alerts().forEach(a -> sources.add(a.labels()));
        return sources.stream().filter(Objects::nonNull).map(m -> m.get(name))
                .filter(v -> v != null && !v.isBlank()).map(String::strip).findFirst();
    }

    private Optional<String> planSeverity(Plan plan, String alertSeverity) {
        if (plan.severity(alertSeverity).isPresent()) {
            return Optional.of(alertSeverity);
        }
        return Optional.ofNullable(settings.severityMap().get(alertSeverity.toLowerCase(Locale.ROOT)))
                .filter(s -> plan.severity(s).isPresent());
    }

    /** An alert that names no known severity is treated as the gravest: paging too many beats paging nobody. */
    private String fallbackSeverity(Plan plan) {
        return planSeverity(plan, "critical").orElseGet(() -> List.copyOf(plan.severities().keySet())
                .get(plan.severities().size() - 1));
    }

    private static String title(AlertmanagerNotification n) {
        Stream<Map<String, String>> annotations = Stream.concat(Stream.of(n.commonAnnotations()),
                n.alerts().stream().map(AlertmanagerNotification.Alert::annotations));
        String title = annotations.filter(Objects::nonNull).map(a -> a.get("summary"))
                .filter(s -> s != null && !s.isBlank()).findFirst()
                .or(() -> label(n, "alertname"))
                .orElse("Alert group " + n.groupKey())
                .strip().replaceAll("\\s+", " ");
        return title.length() <= MAX_TITLE ? title : title.substring(0, MAX_TITLE - 1) + "…";
    }

    private String services() {
        List<String> names = plans.activePlans().stream().map(Plan::service).toList();
        return names.isEmpty() ? "none loaded" : String.join(", ", names);
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "`" + value + "`";
    }
}
