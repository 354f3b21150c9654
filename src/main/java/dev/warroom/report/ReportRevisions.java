package dev.warroom.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * Keeps an incident's report revisions: the latest draft is rewritten in place; once a revision is approved it is
 * kept as it is, and a report that reads differently from it becomes the next revision.
 */
@ApplicationScoped
public class ReportRevisions {

    public enum Change { CREATED, UPDATED, UNCHANGED }

    /** The revision that now holds the report, and what storing it did. */
    public record Stored(ReportRevision revision, Change change) {}

    @Transactional(Transactional.TxType.MANDATORY)
    public Stored store(long incidentId, String markdown, String by, Instant at) {
        ReportRevision latest = ReportRevision.latest(incidentId).orElse(null);
        if (latest != null && latest.markdown.equals(markdown)) {
            return new Stored(latest, Change.UNCHANGED);
        }
        if (latest != null && !latest.isApproved()) {
            latest.markdown = markdown;
            latest.updatedAt = at;
            return new Stored(latest, Change.UPDATED);
        }
        ReportRevision next = new ReportRevision();
        next.incidentId = incidentId;
        next.revision = latest == null ? 1 : latest.revision + 1;
        next.markdown = markdown;
        next.createdBy = by;
        next.createdAt = at;
        next.updatedAt = at;
        next.persist();
        return new Stored(next, Change.CREATED);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void approve(ReportRevision revision, String by, Instant at) {
        revision.approvedBy = by;
        revision.approvedAt = at;
    }
}
