package dev.warroom.web.dashboard;

import dev.warroom.incident.IncidentMessages;
import dev.warroom.plan.Plan;
import io.quarkus.qute.TemplateExtension;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** How templates write durations and contact kinds: the way plans and chat write them. */
@TemplateExtension
final class TemplateWords {

    private TemplateWords() {
    }

    /** {@code 30m}, {@code 1h 30m}, {@code 1d}. */
    static String words(Duration duration) {
        return duration == null ? IncidentPages.NONE : IncidentMessages.duration(duration);
    }

    /** {@code a, b, c}; a dash for none. */
    static String commas(List<String> items) {
        return items == null || items.isEmpty() ? IncidentPages.NONE : String.join(", ", items);
    }

    static String word(Plan.Contact.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
