package dev.warroom.command;

import dev.warroom.plan.Phase;

/** What someone asked Warroom to do, in platform-neutral words; made by {@link CommandParser}. */
public sealed interface Command {

    /** A command about one incident; {@code incidentKey} is null when the channel it came from implies it. */
    sealed interface OnIncident extends Command {
        String incidentKey();
    }

    record Declare(String service, String severity, String incidentType, String title) implements Command {}

    /**
     * A practice incident. {@code incidentTypeOrTitle} is what followed the severity: it starts with the incident type
     * when its first word is one of the plan's (only the plan can tell), and may be empty.
     */
    record Drill(String service, String severity, String incidentType, String incidentTypeOrTitle) implements Command {}

    record Ack(String incidentKey) implements OnIncident {}

    record Status(String incidentKey) implements OnIncident {}

    record Steps(String incidentKey) implements OnIncident {}

    record Done(String incidentKey, int step) implements OnIncident {}

    record Skip(String incidentKey, int step, String reason) implements OnIncident {}

    record MovePhase(String incidentKey, Phase phase) implements OnIncident {}

    record Assign(String incidentKey, String role, String person) implements OnIncident {}

    record Handover(String incidentKey, String person) implements OnIncident {}

    record Update(String incidentKey, String text) implements OnIncident {}

    record Escalate(String incidentKey, String reason) implements OnIncident {}

    record InvokeForensics(String incidentKey, String reason) implements OnIncident {}

    record Resolve(String incidentKey, String summary) implements OnIncident {}

    /** A lesson; {@code prompt} is the number of the plan's lessons prompt it answers, as written, or null. */
    record AddLesson(String incidentKey, Integer prompt, String text) implements OnIncident {}

    record ShowReport(String incidentKey) implements OnIncident {}

    record Close(String incidentKey) implements OnIncident {}

    record ListIncidents() implements Command {}

    record ListPlans() implements Command {}

    record ShowPlan(String service) implements Command {}

    record Help(String topic) implements Command {}
}
