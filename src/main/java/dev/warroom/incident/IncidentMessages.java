package dev.warroom.incident;

import dev.warroom.command.Button;
import dev.warroom.command.Field;
import dev.warroom.command.Mention;
import dev.warroom.command.Message;
import dev.warroom.plan.Phase;
import dev.warroom.plan.Plan;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

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

    /** A short subject for a page by email, e.g. {@code [INC-1] high · payments-api — escalated to you}. */
    public static String pageSubject(Incident incident, String what) {
        return "[" + incident.key() + "] " + incident.severity + " · "
                + incident.service + " — " + what;
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

    public static final String SUMMARY_KEY = "summary";
    public static final String LESSONS_KEY = "lessons";

    /** The incident's card, pinned in its channel and kept up to date as the incident moves. */
    static Message summaryCard(IncidentScope scope) {
        Incident incident = scope.incident();
        Plan plan = scope.plan();
        List<Field> fields = new ArrayList<>(cardFields(scope));
        fields.add(new Field("Plan", plan.location().online()));
        fields.add(new Field("Offline copy", plan.location().offline()));
        List<Button> buttons = new ArrayList<>();
        if (incident.isOpen() && incident.manager != null && incident.acknowledgedAt == null) {
            buttons.add(ack(incident));
        }
        nextPhase(incident).ifPresent(next -> buttons.add(
                new Button("Next phase: " + next.word(), "phase " + incident.key() + " " + next.word())));
        buttons.add(new Button("Status", "status " + incident.key()));
        return new Message("*" + headline(incident) + "*" + (incident.drill ? " (drill)" : ""), fields, buttons,
                SUMMARY_KEY, true);
    }

    /** The phase a button can move to: the next working phase; resolving takes a summary, so it is typed. */
    static java.util.Optional<Phase> nextPhase(Incident incident) {
        return incident.phase.isAfter(Phase.ERADICATION) ? java.util.Optional.empty()
                : java.util.Optional.of(Phase.values()[incident.phase.ordinal() + 1]);
    }

    /** The incident channel's topic: what, how bad, who leads, where the plan is. */
    static String topic(IncidentScope scope) {
        return (scope.incident().drill ? IncidentScope.DRILL_MARK : "") + headline(scope.incident()) + " · Manager: " + scope.managerName() + " · Plan: "
                + scope.plan().location().online();
    }

    /** What the summary card and the status card both show. */
    static List<Field> cardFields(IncidentScope scope) {
        Incident incident = scope.incident();
        List<Step> steps = Step.of(incident);
        long done = steps.stream().filter(s -> s.status == Step.Status.DONE).count();
        long skipped = steps.stream().filter(s -> s.status == Step.Status.SKIPPED).count();
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("Phase", incident.phase.word() + " since " + time(incident.phaseEnteredAt)));
        fields.add(new Field("Declared", "by " + scope.name(incident.declaredBy) + " at " + time(incident.declaredAt)));
        if (incident.incidentType != null) {
            fields.add(new Field("Type", incident.incidentType));
        }
        fields.add(new Field("Incident manager", managerState(scope)));
        fields.add(new Field("Roles", roles(scope)));
        fields.add(new Field("Steps", done + " of " + steps.size() + " done" + (skipped > 0 ? ", " + skipped + " skipped" : "")));
        fields.add(new Field("Escalation", "level " + incident.escalationLevel + ", "
                + scope.plan().escalation().levels().get(incident.escalationLevel - 1).name()));
        return fields;
    }

    private static String managerState(IncidentScope scope) {
        Incident incident = scope.incident();
        if (incident.manager == null) {
            return "nobody available";
        }
        return scope.name(incident.manager) + (incident.acknowledgedAt != null
                ? " (acknowledged " + time(incident.acknowledgedAt) + ")"
                : " (ack within " + duration(scope.severity().ackWithin()) + ")");
    }

    static String roles(IncidentScope scope) {
        // One query for every role's holders: a card is rendered on every status and every change.
        Map<String, List<String>> holders = RoleHolder.of(scope.incident()).stream().collect(
                Collectors.groupingBy(h -> h.role, Collectors.mapping(h -> h.person, Collectors.toList())));
        List<String> lines = new ArrayList<>();
        for (String role : scope.plan().roles().keySet()) {
            if (!role.equals(Plan.INCIDENT_MANAGER)) {
                lines.add(role + ": " + scope.names(holders.getOrDefault(role, List.of())));
            }
        }
        return String.join("; ", lines);
    }

    /** The checklist of one kind of step, kept up to date in the incident channel. */
    static Message checklist(IncidentScope scope, Step.Kind kind, List<Step> steps) {
        Incident incident = scope.incident();
        String title = kind == Step.Kind.MITIGATION
                ? "Mitigation steps" + (incident.incidentType == null ? "" : " (" + incident.incidentType + ")")
                : "Recovery steps (back to business as usual)";
        return checklist(scope, steps, title).keyed("checklist-" + kind.name().toLowerCase(Locale.ROOT));
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
                // A skip needs a reason: platforms ask for it when this button is pressed.
                buttons.add(new Button("Skip " + step.number, "skip " + scope.key() + " " + step.number));
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

    // escalation and timers

    /** The channel's line for an escalation someone asked for. */
    static String escalated(IncidentScope scope, Escalation.Outcome outcome, String reason) {
        String by = scope.name(scope.actor().ref());
        return switch (outcome.step()) {
            case RAISED -> "⬆ " + scope.key() + " escalated to " + outcome.label() + " by " + by + ". Paged: "
                    + outcome.paged() + ". Reason: " + reason;
            case REPAGED -> "⬆ " + scope.key() + " is at the highest escalation level (" + outcome.label()
                    + "); paged again (" + outcome.repeats() + " of " + outcome.repeat() + "): " + outcome.paged()
                    + ". Reason: " + reason;
            case STOPPED -> scope.key() + " is at the highest escalation level (" + outcome.label() + ") and was paged "
                    + "again " + outcome.repeat() + " " + Escalation.times(outcome.repeat()) + ", as the plan's repeat "
                    + "says; nobody was paged. Reason: " + reason;
        };
    }

    /** The channel's line for an escalation a timer caused: the reason first, short enough for a phone. */
    static String timerEscalated(Escalation.Outcome outcome, String reason) {
        return reason + " — " + switch (outcome.step()) {
            case RAISED -> "escalating to level " + outcome.level() + ": " + outcome.levelName();
            case REPAGED -> "paging level " + outcome.level() + " again (" + outcome.repeats() + " of " + outcome.repeat()
                    + "): " + outcome.levelName();
            case STOPPED -> "escalation stopped: level " + outcome.level() + " was paged again " + outcome.repeat() + " "
                    + Escalation.times(outcome.repeat());
        };
    }

    static String noAcknowledgement(IncidentScope scope) {
        return "No acknowledgement from " + scope.managerName() + " within " + duration(scope.severity().ackWithin());
    }

    static String managerReplaced(IncidentScope scope, String previous) {
        return scope.managerName() + " is now incident manager of " + scope.key() + " (" + previous
                + " did not acknowledge). " + scope.managerName() + ", please `ack` within "
                + duration(scope.severity().ackWithin()) + ".";
    }

    static String managerKept(IncidentScope scope) {
        return "No other eligible incident manager is free; " + scope.managerName() + " stays incident manager of "
                + scope.key() + ".";
    }

    static String targetBreached(Phase phase, Duration target) {
        return phase.word() + " target " + duration(target) + " breached";
    }

    static String updateDue(IncidentScope scope, Duration silent) {
        return "⏰ " + scope.key() + " needs a status update: none for " + duration(silent) + ". "
                + scope.managerName() + ", please post one: `update " + scope.key() + " <text>`";
    }

    static String noUpdate(Duration silent) {
        return "No status update for " + duration(silent);
    }

    static String lessonsReminder(IncidentScope scope) {
        return "📝 " + scope.key() + " is resolved but not closed: add lessons with `lesson " + scope.key()
                + " <text>`, then `report` and `close`.";
    }

    // lessons learned

    static Message lessonsPrompt(IncidentScope scope, List<String> people) {
        StringBuilder text = new StringBuilder("📝 *Lessons learned* for " + scope.key());
        if (!people.isEmpty()) {
            text.append(", ").append(String.join(" ", people.stream().map(Mention::of).toList()));
        }
        text.append(": reply in this thread, one lesson a reply, starting with the number of the question it answers "
                + "(`2. …`), or type `lesson 2 <text>`.");
        List<String> prompts = scope.plan().lessons().prompts();
        for (int i = 0; i < prompts.size(); i++) {
            text.append('\n').append(i + 1).append(". ").append(prompts.get(i));
        }
        return Message.text(text.toString());
    }

    static Message lessonRecorded(IncidentScope scope, long number, PlacedLesson lesson, List<String> prompts) {
        String where = lesson.prompt() != null ? " under “" + prompts.get(lesson.prompt() - 1) + "”"
                : lesson.unknownPrompt() != null ? ", under no question: " + scope.key() + " asks "
                + (prompts.isEmpty() ? "none" : prompts.size() == 1 ? "question 1 only" : "questions 1 to " + prompts.size())
                + ", not " + lesson.unknownPrompt()
                : "";
        return Message.text("Lesson " + number + " recorded for " + scope.key() + where + ". Thank you, "
                + scope.name(scope.actor().ref()) + ".");
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
