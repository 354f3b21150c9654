package dev.warroom.command;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Every command word with its correct form and what it does: the source of help texts and error hints. */
public enum Usage {
    DECLARE("declare <service> <severity> [type=<incident-type>] <title…>",
            "Declare an incident: opens its channel, picks the incident manager, notifies the communication chain."),
    ACK("ack", "The incident manager acknowledges the incident; the acknowledgement timer stops."),
    STATUS("status", "One card: service, severity, phase, roles, steps done, timers due."),
    STEPS("steps", "The checklist: mitigation steps (and recovery steps after resolve)."),
    DONE("done <n>", "Mark step n done."),
    SKIP("skip <n> <reason…>", "Skip step n, with the reason."),
    PHASE("phase <analysis|containment|eradication|recovery>", "Move forward to a later phase; its response target starts."),
    ASSIGN("assign <role> <@person>", "Give a person a role of the plan in this incident."),
    HANDOVER("handover <@person>", "Hand the incident manager role to an eligible person."),
    UPDATE("update <text…>", "Post a status update and send it along the communication chain."),
    ESCALATE("escalate <reason…>", "Page the next escalation level, with the reason."),
    FORENSICS("forensics <reason…>", "Invoke forensic investigation: the plan's forensic role is engaged."),
    RESOLVE("resolve <summary…>", "Service back to business as usual: posts the recovery steps and opens lessons learned."),
    LESSON("lesson [n] <text…>", "Add a lesson learned, under the lessons prompt n if given (`lesson -- <text>` keeps a leading number as text)."),
    REPORT("report", "Show the written report; after resolve it is stored."),
    CLOSE("close", "Close the incident (medium and high need the report first)."),
    LIST("list", "Open incidents."),
    PLANS("plans", "Plans and their health."),
    PLAN("plan <service>", "One plan: roles, severities, escalation, steps."),
    HELP("help [command]", "This help, or help for one command."),
    DRILL("drill <service> <severity> [type] [title…]",
            "Declare a practice incident: runs the plan for real (timers, escalation) with DRILL on every message; "
                    + "stakeholders are not told unless the plan says so.");

    private final String form;
    private final String description;

    Usage(String form, String description) {
        this.form = form;
        this.description = description;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String form() {
        return form;
    }

    public String description() {
        return description;
    }

    public static Optional<Usage> of(String word) {
        return Arrays.stream(values()).filter(u -> u.word().equalsIgnoreCase(word)).findFirst();
    }
}
