package dev.warroom.web.dashboard;

import dev.warroom.incident.Incident;
import dev.warroom.plan.Phase;
import io.quarkus.panache.common.Parameters;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The incidents list's filters, as the query string gives them. Status is empty (open ones and those closed
 * recently), {@code open}, {@code closed} or {@code all}; service and severity are empty (any) or one value;
 * drills are empty or {@code include} (shown with the rest), {@code exclude} or {@code only}.
 */
public record IncidentFilter(String status, String service, String severity, String drills) {

    static final List<String> STATUSES = List.of("open", "closed", "all");
    static final List<String> DRILLS = List.of("include", "exclude", "only");
    private static final int MAX_VALUE = 100;

    public IncidentFilter {
        status = clean(status);
        service = clean(service);
        severity = clean(severity);
        drills = clean(drills);
    }

    static IncidentFilter none() {
        return new IncidentFilter(null, null, null, null);
    }

    /** What is wrong with the filters, in words for the page; empty when they can be used. */
    Optional<String> problem() {
        if (!status.isEmpty() && !STATUSES.contains(status)) {
            return Optional.of("Status must be open, closed or all (or empty for open and recent incidents), not `"
                    + shorten(status) + "`.");
        }
        if (!drills.isEmpty() && !DRILLS.contains(drills)) {
            return Optional.of("Drills must be include, exclude or only (or empty to include them), not `"
                    + shorten(drills) + "`.");
        }
        if (service.length() > MAX_VALUE || severity.length() > MAX_VALUE) {
            return Optional.of("Service and severity must be at most " + MAX_VALUE + " characters.");
        }
        return Optional.empty();
    }

    /** Newest first; closed incidents only when closed after {@code recentSince}, unless asked for. */
    List<Incident> find(Instant recentSince) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        switch (status) {
            case "open" -> where.add("phase <> :closed");
            case "closed" -> where.add("phase = :closed");
            case "all" -> {
            }
            default -> {
                where.add("(phase <> :closed or closedAt >= :recent)");
                parameters.and("recent", recentSince);
            }
        }
        if (!status.equals("all")) {
            parameters.and("closed", Phase.CLOSED);
        }
        if (!service.isEmpty()) {
            where.add("service = :service");
            parameters.and("service", service);
        }
        if (!severity.isEmpty()) {
            where.add("severity = :severity");
            parameters.and("severity", severity);
        }
        switch (drills) {
            case "exclude" -> where.add("drill = false");
            case "only" -> where.add("drill = true");
            default -> {
            }
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by number desc";
        return Incident.list(query, parameters);
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
