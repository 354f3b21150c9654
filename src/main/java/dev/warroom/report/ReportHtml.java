package dev.warroom.report;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.List;

/** The report's Markdown as HTML for the dashboard (CommonMark with GitHub's tables); raw HTML in it is escaped. */
public final class ReportHtml {

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true).sanitizeUrls(true).build();

    private ReportHtml() {
    }

    public static String of(String markdown) {
        return RENDERER.render(PARSER.parse(markdown));
    }
}
