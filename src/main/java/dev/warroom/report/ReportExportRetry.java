package dev.warroom.report;

import dev.warroom.incident.Incident;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Writes the files of approved reports whose first write failed (a full disk, a missing mount), until it works. */
@ApplicationScoped
public class ReportExportRetry {

    @Inject
    ReportExport export;

    @Scheduled(every = "${warroom.reports.export-retry-every:5m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        retry();
    }

    /** Returns how many files were written this time. */
    @Transactional
    public int retry() {
        int written = 0;
        for (ReportRevision revision : ReportRevision.unexported()) {
            Incident incident = Incident.findById(revision.incidentId);
            if (export.write(incident.key(), revision).isEmpty()) {
                written++;
            }
        }
        return written;
    }
}
