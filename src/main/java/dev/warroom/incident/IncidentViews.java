package dev.warroom.incident;

import dev.warroom.command.Button;
import dev.warroom.command.CommandError;
import dev.warroom.command.Field;
import dev.warroom.command.Message;
import dev.warroom.plan.Phase;
import dev.warroom.plan.Plan;
import dev.warroom.plan.PlanRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Read-only answers: status card, checklist, open incidents, plans and their health. */
@ApplicationScoped
public class IncidentViews {

    @Inject
    PlanRegistry plans;
    @Inject
    IncidentTimers timers;
    @Inject
    DrillHistory drills;

    Message status(IncidentScope scope) {
        Incident incident = scope.incident();
        List<Field> fields = new ArrayList<>(IncidentMessages.cardFields(scope));
        if (incident.isOpen()) {
            fields.add(new Field("Timers due", timersDue(scope)));
        }
        List<Button> buttons = incident.isOpen()
                ? List.of(new Button("Steps", "steps " + incident.key()))
                : List.of(new Button("Report", "report " + incident.key()));
        return new Message("*" + IncidentMessages.headline(incident) + "*" + (incident.drill ? " (drill)" : ""), fields, buttons);
    }

    Message steps(IncidentScope scope) {
        return IncidentMessages.checklist(scope, Step.of(scope.incident()), "Steps");
    }

    private String timersDue(IncidentScope scope) {
        List<String> due = timers.pending(scope.incident()).stream()
                .map(timer -> IncidentTimers.describe(timer, scope.incident(), scope.now())).toList();
        return due.isEmpty() ? "none" : String.join("; ", due);
    }

    /** Open incidents, of those {@code visible} lets through (restricted ones only to whom may see them). */
    Message openIncidents(Predicate<Incident> visible) {
        List<Incident> open = Incident.open().stream().filter(visible).toList();
        if (open.isEmpty()) {
            return Message.text("No open incidents.");
        }
        StringBuilder text = new StringBuilder("*Open incidents*");
        for (Incident incident : open) {
            String manager = plans.active(incident.service).flatMap(p -> p.person(incident.manager == null ? "" : incident.manager))
                    .map(Plan.Person::name).orElse(incident.manager == null ? "no manager" : incident.manager);
            text.append('\n').append(incident.key()).append(" · ").append(incident.service).append(" · ")
                    .append(incident.severity).append(" · ").append(incident.phase.word()).append(" · ").append(manager)
                    .append(" — ").append(incident.title).append(" (#").append(incident.channel).append(')');
        }
        return Message.text(text.toString());
    }

    Message planHealth() {
        List<PlanRegistry.PlanState> states = plans.states();
        if (states.isEmpty()) {
            return Message.text("No plans are loaded.");
        }
        StringBuilder text = new StringBuilder("*Plans*");
        for (PlanRegistry.PlanState state : states) {
            text.append('\n').append(state.service() == null ? state.file() : state.service()).append(" — ");
            if (!state.valid()) {
                text.append("✖ ").append(state.file()).append(" is invalid (").append(state.errors().size())
                        .append(state.errors().size() == 1 ? " error" : " errors").append("; first: ")
                        .append(state.errors().get(0).rule()).append(')')
                        .append(state.active() != null ? "; its last good version is active" : "; not loaded");
            } else if (plans.isStale(state.active())) {
                text.append("⚠ stale: review was due ").append(state.active().reviewDue()).append(" (owner ")
                        .append(state.active().person(state.active().owner()).map(Plan.Person::name).orElse(state.active().owner()))
                        .append(')');
            } else {
                text.append("valid, review due ").append(state.active().reviewDue());
            }
            if (state.active() != null) {
                DrillHistory.DrillState drill = drills.state(state.active());
                text.append(drill.due() ? "; ⚠ " : "; ").append(drill.text());
            }
        }
        return Message.text(text.toString());
    }

    Message plan(String service) {
        Plan plan = plans.active(service).orElseThrow(() -> new CommandError("No plan for service `" + CommandError.echo(service)
                + "`; services: " + String.join(", ", plans.activePlans().stream().map(Plan::service).toList()) + "."));
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("Scope", plan.scope().strip()));
        fields.add(new Field("Owner", plan.person(plan.owner()).map(Plan.Person::name).orElse(plan.owner())
                + ", reviewed " + plan.reviewed() + ", next review " + plan.reviewDue()
                + (plans.isStale(plan) ? " (stale)" : "")));
        fields.add(new Field("Incident types", String.join(", ", plan.incidentTypes().stream().map(Plan.IncidentType::name).toList())));
        fields.add(new Field("Incident managers", String.join(", ", plan.eligibleManagers().stream()
                .map(p -> plan.person(p).map(Plan.Person::name).orElse(p)).toList())));
        List<String> severities = new ArrayList<>();
        for (Map.Entry<String, Plan.Severity> entry : plan.severities().entrySet()) {
            severities.add(entry.getKey() + ": ack " + IncidentMessages.duration(entry.getValue().ackWithin())
                    + ", update every " + IncidentMessages.duration(entry.getValue().updateEvery()));
        }
        fields.add(new Field("Severities", String.join("; ", severities)));
        List<String> levels = new ArrayList<>();
        for (int i = 0; i < plan.escalation().levels().size(); i++) {
            levels.add((i + 1) + ". " + plan.escalation().levels().get(i).name());
        }
        fields.add(new Field("Escalation", String.join("; ", levels)));
        fields.add(new Field("Plan", plan.location().online() + " (offline: " + plan.location().offline() + ")"));
        return new Message("*" + plan.title() + "* (`" + plan.service() + "`)", fields, List.of());
    }
}
