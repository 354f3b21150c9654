package dev.warroom.report;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Writes an {@link IncidentReport} as Markdown through the Qute template {@code reports/incident-report.md}. */
@ApplicationScoped
public class ReportRenderer {

    @Inject
    @Location("reports/incident-report.md")
    Template template;

    public String markdown(IncidentReport report) {
        return template.data("r", report).render();
    }
}
