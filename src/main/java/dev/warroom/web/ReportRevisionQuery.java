package dev.warroom.web;

import dev.warroom.incident.Incident;
import dev.warroom.report.ReportRevision;
import jakarta.ws.rs.core.Response;

import java.util.Optional;

/**
 * The report revision a request asks for: the latest, or the one named by {@code ?revision=N}; or why there is none.
 * The API and the dashboard answer the same way.
 */
public record ReportRevisionQuery(ReportRevision revision, Response.Status status, String problem) {

    public static ReportRevisionQuery find(Incident incident, String revision) {
        if (revision == null || revision.isBlank()) {
            return ReportRevision.latest(incident.id).map(ReportRevisionQuery::found).orElseGet(() -> notFound(
                    incident.key() + " has no report yet: `report` stores it as a draft."));
        }
        int number;
        try {
            number = Integer.parseInt(revision.strip());
        } catch (NumberFormatException e) {
            return new ReportRevisionQuery(null, Response.Status.BAD_REQUEST,
                    "revision must be a revision number such as 1, not `" + revision + "`");
        }
        Optional<ReportRevision> latest = ReportRevision.latest(incident.id);
        return ReportRevision.revision(incident.id, number).map(ReportRevisionQuery::found).orElseGet(() -> notFound(
                incident.key() + " has no report revision " + number + latest.map(l -> "; revisions: 1 to " + l.revision + ".")
                        .orElse("; it has no report yet.")));
    }

    public boolean isFound() {
        return revision != null;
    }

    private static ReportRevisionQuery found(ReportRevision revision) {
        return new ReportRevisionQuery(revision, Response.Status.OK, null);
    }

    private static ReportRevisionQuery notFound(String problem) {
        return new ReportRevisionQuery(null, Response.Status.NOT_FOUND, problem);
    }
}
