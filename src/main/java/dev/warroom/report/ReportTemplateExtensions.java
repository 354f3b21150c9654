package dev.warroom.report;

import io.quarkus.qute.TemplateExtension;

/** What the report template needs beyond the model: text that is safe inside a Markdown table cell. */
@TemplateExtension
public final class ReportTemplateExtensions {

    private ReportTemplateExtensions() {
    }

    /** A pipe would end the cell and a line break the row. */
    static String cell(String text) {
        return text.replace("|", "\\|").replaceAll("\\R", " ");
    }
}
