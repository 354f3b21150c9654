package dev.warroom.incident;

import dev.warroom.report.FollowUpAction;
import dev.warroom.report.ReportRevision;

/** The texts about reports and follow-up actions that chat shows. */
final class ReportMessages {

    private ReportMessages() {
    }

    /** {@code Automate the failover check — owner Bob Jones, due 2026-12-01} */
    static String action(IncidentScope scope, FollowUpAction action) {
        return action.text + " — owner " + scope.name(action.owner)
                + (action.due == null ? ", no due date" : ", due " + action.due);
    }

    static String status(IncidentScope scope, ReportRevision revision) {
        if (revision.isApproved()) {
            return "approved, revision " + revision.revision + " (" + approval(scope, revision) + ")";
        }
        return "draft, revision " + revision.revision + ReportRevision.latestApproved(revision.incidentId)
                .map(approved -> " (revision " + approved.revision + " approved)").orElse("");
    }

    static String approval(IncidentScope scope, ReportRevision revision) {
        return "by " + scope.name(revision.approvedBy) + " at " + IncidentMessages.dateTime(revision.approvedAt);
    }
}
