package dev.warroom.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One stored revision of an incident's written report, in Markdown. The latest revision is a draft until the
 * incident manager approves it; an approved revision is never changed again.
 */
@Entity
@Table(name = "report_revision")
public class ReportRevision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "incident_id")
    public long incidentId;
    public int revision;
    public String markdown;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "approved_at")
    public Instant approvedAt;
    /** When the approved Markdown was written under WARROOM_DATA_DIR/reports; null until then. */
    @Column(name = "exported_at")
    public Instant exportedAt;
    @Column(name = "export_error")
    public String exportError;

    public boolean isApproved() {
        return approvedAt != null;
    }

    public static Optional<ReportRevision> latest(long incidentId) {
        return find("incidentId = ?1 order by revision desc", incidentId).firstResultOptional();
    }

    public static Optional<ReportRevision> revision(long incidentId, int revision) {
        return find("incidentId = ?1 and revision = ?2", incidentId, revision).firstResultOptional();
    }

    public static Optional<ReportRevision> latestApproved(long incidentId) {
        return find("incidentId = ?1 and approvedAt is not null order by revision desc", incidentId).firstResultOptional();
    }

    public static List<ReportRevision> of(long incidentId) {
        return list("incidentId = ?1 order by revision", incidentId);
    }

    /** Approved revisions whose file is not written yet, oldest first. */
    public static List<ReportRevision> unexported() {
        return list("approvedAt is not null and exportedAt is null order by id");
    }
}
