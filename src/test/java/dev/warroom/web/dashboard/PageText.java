package dev.warroom.web.dashboard;

import java.util.regex.Pattern;

/** A page as a reader sees it: the text without markup, entities decoded, spaces collapsed. */
final class PageText {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern INCIDENT_ROW = Pattern.compile("data-key=\"(INC-\\d+)\"");
    private static final Pattern SCRIPT_OR_STYLE = Pattern.compile("(?is)<(script|style|head)\\b.*?</\\1>");

    private PageText() {
    }

    /** The incident keys a list page shows, in order, space-separated. */
    static String incidentKeys(String html) {
        return String.join(" ", INCIDENT_ROW.matcher(html).results().map(m -> m.group(1)).toList());
    }

    static String of(String html) {
        String text = TAG.matcher(SCRIPT_OR_STYLE.matcher(html).replaceAll(" ")).replaceAll(" ");
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&").replaceAll("\\s+", " ").strip();
    }
}
