package dev.warroom.incident;

import dev.warroom.command.Button;
import dev.warroom.command.Field;
import dev.warroom.command.Message;
import dev.warroom.plan.Plan;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Every text the incident core sends, in one place. */
public final class IncidentMessages {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private IncidentMessages() {
    }

    public static String time(Instant instant) {
        return CLOCK.format(instant);
    }

    public static String dateTime(Instant instant) {
        return DATE_TIME.format(instant);
    }

    /** A duration the way plans write it: 90s, 5m, 2h, 1d, or 1h 30m. */
    public static String duration(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        long days = seconds / 86400;
        long hours = seconds % 86400 / 3600;
        long minutes = seconds % 3600 / 60;
        List<String> parts = new ArrayList<>();
        if (days > 0) {
            parts.add(days + "d");
        }
        if (hours > 0) {
            parts.add(hours + "h");
        }
        if (minutes > 0) {
            parts.add(minutes + "m");
        }
        return String.join(" ", parts);
    }

    public static String headline(Incident incident) {
        return incident.key() + " · " + incident.service + " · " + incident.severity.toUpperCase(Locale.ROOT)
                + " — " + incident.title;
    }

    static Button ack(Incident incident) {
        return new Button("Acknowledge", "ack " + incident.key());
    }

    // declare

    static Message declared(IncidentScope scope) {
        Incident incident = scope.incident();
        return Message.text(incident.key() + " declared: " + incident.service + " " + incident.severity + " — "
                + incident.title + ". Incident manager: " + scope.managerName() + ". Channel: #" + incident.channel);
    }

    static Message summaryCard(IncidentScope scope) {
        Incident incident = scope.incident();
        Plan plan = scope.plan();
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("Phase", incident.phase.word()));
        fields.add(new Field("Declared", "by " + scope.name(incident.declaredBy) + " at " + time(incident.declaredAt)));
        if (incident.incidentType != null) {
            fields.add(new Field("Type", incident.incidentType));
        }
        fields.add(new Field("Incident manager", incident.manager == null ? "nobody available"
                : scope.name(incident.manager) + " (ack within " + duration(scope.severity().ackWithin()) + ")"));
        fields.add(new Field("Roles", roles(scope)));
        fields.add(new Field("Plan", plan.location().online()));
        fields.add(new Field("Offline copy", plan.location().offline()));
        return new Message("*" + headline(incident) + "*", fields,
                List.of(ack(incident), new Button("Status", "status " + incident.key())));
    }

    static String roles(IncidentScope scope) {
        List<String> lines = new ArrayList<>();
        for (String role : scope.plan().roles().keySet()) {
            if (!role.equals(Plan.INCIDENT_MANAGER)) {
                lines.add(role + ": " + scope.names(scope.peopleInRole(role)));
            }
        }
        return String.join("; ", lines);
    }

    static Message checklist(IncidentScope scope, List<Step> steps, String title) {
        StringBuilder text = new StringBuilder("*" + title + "* — " + scope.key());
        List<Button> buttons = new ArrayList<>();
        for (Step step : steps) {
            text.append('\n').append(step.number).append(". ").append(mark(step)).append(' ').append(step.text);
            if (step.runbook != null) {
                text.append(" (runbook: ").append(step.runbook).append(')');
            }
            if (step.status == Step.Status.DONE) {
                text.append(" — done by ").append(scope.name(step.actor));
            } else if (step.status == Step.Status.SKIPPED) {
                text.append(" — skipped by ").append(scope.name(step.actor)).append(": ").append(step.reason);
            } else {
                buttons.add(new Button("Done " + step.number, "done " + scope.key() + " " + step.number));
            }
        }
        if (steps.isEmpty()) {
            text.append("\nNo steps.");
        }
        return new Message(text.toString(), List.of(), buttons);
    }

    private static String mark(Step step) {
        return switch (step.status) {
            case OPEN -> "☐";
            case DONE -> "☑";
            case SKIPPED -> "⤼";
        };
    }

    static Message managerAssigned(IncidentScope scope) {
        Incident incident = scope.incident();
        return new Message("You are incident manager of " + incident.key() + " (" + incident.service + " "
                + incident.severity + "): " + incident.title + ". Acknowledge within "
                + duration(scope.severity().ackWithin()) + ": `ack " + incident.key() + "`. Channel: #" + incident.channel,
                List.of(), List.of(ack(incident)));
    }

    static String pickExplanation(IncidentScope scope, EligibleManagerPicker.ManagerPick pick) {
        String skipped = pick.skipped().isEmpty() ? "" : " Skipped: " + String.join("; ", pick.skipped().stream()
                .map(s -> scope.name(s.person()) + " " + s.reason()).toList()) + ".";
        return pick.chosen().map(p -> scope.name(p) + " is incident manager (least recently assigned of those available)."
                + skipped).orElse("No eligible incident manager is available." + skipped);
    }

    static Message noManager(IncidentScope scope, String explanation) {
        return Message.text("⚠ " + explanation + " Hand the incident to someone with `handover <@person>` or `escalate <reason>`.");
    }

    static String chainNotice(IncidentScope scope) {
        Incident incident = scope.incident();
        return incident.key() + " declared: " + incident.service + " " + incident.severity + " — " + incident.title
                + ". Incident manager: " + scope.managerName() + ". Channel: #" + incident.channel;
    }

    // permissions

    static String onlyManager(IncidentScope scope, String verb) {
        return "Only the incident manager (" + scope.managerName() + ") may `" + verb + "` " + scope.key() + ".";
    }

    static String onlyResponders(IncidentScope scope, String verb) {
        return "Only the incident manager (" + scope.managerName() + ") or someone holding a role in " + scope.key()
                + " may `" + verb + "`.";
    }

    static String onlyLeaders(IncidentScope scope, String verb) {
        return "Only the incident manager (" + scope.managerName() + ") or someone on an escalation level ("
                + scope.names(List.copyOf(scope.escalationPeople())) + ") may `" + verb + "` " + scope.key() + ".";
    }
}
