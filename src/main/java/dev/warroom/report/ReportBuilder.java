package dev.warroom.report;

import dev.warroom.incident.Incident;
import dev.warroom.incident.IncidentMessages;
import dev.warroom.incident.Step;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.plan.Plan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** Writes an incident's report in Markdown: facts, summary, timeline, steps and lessons. */
public final class ReportBuilder {

    private ReportBuilder() {
    }

    public static String build(Incident incident, Plan plan, List<Step> steps, List<TimelineEvent> timeline,
                               List<Lesson> lessons, UnaryOperator<String> name) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(IncidentMessages.headline(incident)).append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Service", incident.service + " (" + plan.title() + ")");
        row(md, "Severity", incident.severity);
        if (incident.incidentType != null) {
            row(md, "Type", incident.incidentType);
        }
        row(md, "Phase", incident.phase.word());
        row(md, "Declared", IncidentMessages.dateTime(incident.declaredAt) + " by " + name.apply(incident.declaredBy));
        row(md, "Incident manager", incident.manager == null ? "nobody" : name.apply(incident.manager));
        row(md, "Acknowledged", at(incident.acknowledgedAt, incident.declaredAt));
        row(md, "Resolved", at(incident.resolvedAt, incident.declaredAt));
        row(md, "Closed", at(incident.closedAt, incident.declaredAt));
        row(md, "Plan", plan.location().online() + " (offline: " + plan.location().offline() + ")");

        md.append("\n## Summary\n\n").append(incident.summary == null ? "_Not resolved yet._" : incident.summary).append('\n');

        md.append("\n## Timeline\n\n");
        for (TimelineEvent event : timeline) {
            md.append("- ").append(IncidentMessages.dateTime(event.at)).append(" — ").append(name.apply(event.actor))
                    .append(" — ").append(event.type.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .append(": ").append(event.details).append('\n');
        }

        md.append("\n## Steps\n\n");
        for (Step step : steps) {
            md.append("- [").append(step.status == Step.Status.DONE ? "x" : " ").append("] ")
                    .append(step.number).append(". ").append(step.text)
                    .append(step.kind == Step.Kind.RECOVERY ? " (recovery)" : "")
                    .append(stepOutcome(step, name)).append('\n');
        }
        if (steps.isEmpty()) {
            md.append("_No steps._\n");
        }

        md.append("\n## Lessons learned\n\n");
        for (Lesson lesson : lessons) {
            md.append("- ").append(lesson.text).append(" — ").append(name.apply(lesson.author)).append('\n');
        }
        if (lessons.isEmpty()) {
            md.append("_None recorded._\n");
        }
        return md.toString();
    }

    private static String stepOutcome(Step step, UnaryOperator<String> name) {
        return switch (step.status) {
            case OPEN -> " — not done";
            case DONE -> " — done by " + name.apply(step.actor) + " at " + IncidentMessages.dateTime(step.changedAt);
            case SKIPPED -> " — skipped by " + name.apply(step.actor) + ": " + step.reason;
        };
    }

    private static String at(Instant instant, Instant declared) {
        return instant == null ? "—" : IncidentMessages.dateTime(instant) + " ("
                + IncidentMessages.duration(Duration.between(declared, instant)) + " after declaration)";
    }

    private static void row(StringBuilder md, String label, String value) {
        md.append("| ").append(label).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
    }
}
