package dev.warroom.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Optional;

/**
 * The offline copy of approved reports: {@code WARROOM_DATA_DIR/reports/<KEY>-r<N>.md}, written whole or not at all
 * (a temporary file moved into place). A failed write is recorded on the revision and retried by
 * {@link ReportExportRetry}; the approval itself stands either way.
 */
@ApplicationScoped
public class ReportExport {

    private static final Logger LOG = Logger.getLogger(ReportExport.class);

    @ConfigProperty(name = "warroom.data.dir")
    Path dataDir;
    @Inject
    Clock clock;

    public Path file(String incidentKey, int revision) {
        return dataDir.resolve("reports").resolve(incidentKey + "-r" + revision + ".md");
    }

    /** Writes the revision's file and records the outcome on it; returns why it failed, if it did. */
    public Optional<String> write(String incidentKey, ReportRevision revision) {
        Path target = file(incidentKey, revision.revision);
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
            try {
                Files.writeString(temporary, revision.markdown, StandardCharsets.UTF_8);
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
            revision.exportedAt = clock.instant();
            revision.exportError = null;
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            revision.exportError = reason;
            LOG.warnf("Report %s revision %d could not be written to %s: %s", incidentKey, revision.revision, target, reason);
            return Optional.of(reason);
        }
    }
}
