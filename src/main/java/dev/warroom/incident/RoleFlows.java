package dev.warroom.incident;

import dev.warroom.command.Command;
import dev.warroom.command.CommandError;
import dev.warroom.command.Message;
import dev.warroom.notify.Destination;
import dev.warroom.plan.Plan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Changing who does what: assigning plan roles and handing over the incident manager role. */
@ApplicationScoped
public class RoleFlows {

    @Inject
    IncidentTimers timers;

    void assign(IncidentScope scope, Command.Assign command) {
        scope.requireNotClosed();
        Plan plan = scope.plan();
        if (command.role().equals(Plan.INCIDENT_MANAGER)) {
            throw new CommandError("Use `handover <@person>` to change the incident manager.");
        }
        if (!plan.roles().containsKey(command.role())) {
            throw new CommandError("`" + CommandError.echo(command.role()) + "` is not a role of " + plan.service() + "; roles: "
                    + String.join(", ", plan.roles().keySet().stream().filter(r -> !r.equals(Plan.INCIDENT_MANAGER)).toList())
                    + ".");
        }
        String person = planPerson(scope, command.person());
        scope.requireLeader("assign");
        if (RoleHolder.holds(scope.incident(), command.role(), person)) {
            throw new CommandError(scope.name(person) + " already holds " + command.role() + " in " + scope.key() + ".");
        }
        RoleHolder.of(scope.incident(), command.role(), person, scope.now()).persist();
        scope.event(TimelineEvent.Type.ROLE_ASSIGNED, scope.name(person) + " is " + command.role() + ".");
        scope.announce(Message.text(scope.name(person) + " is now " + command.role() + " in " + scope.key()
                + " (assigned by " + scope.name(scope.actor().ref()) + ")."));
        scope.tell(Destination.person(person), Message.text("You are now " + command.role() + " in "
                + IncidentMessages.headline(scope.incident()) + ". Channel: #" + scope.incident().channel));
        scope.refreshCards();
    }

    void handover(IncidentScope scope, Command.Handover command) {
        scope.requireNotClosed();
        Incident incident = scope.incident();
        String person = planPerson(scope, command.person());
        if (!scope.plan().eligibleManagers().contains(person)) {
            throw new CommandError(scope.name(person) + " is not eligible to manage " + incident.service
                    + " incidents; eligible: " + scope.names(scope.plan().eligibleManagers()) + ".");
        }
        scope.requireLeader("handover");
        if (person.equals(incident.manager)) {
            throw new CommandError(scope.name(person) + " is already the incident manager of " + scope.key() + ".");
        }
        String from = scope.managerName();
        incident.manager = person;
        incident.acknowledgedAt = null;
        ManagerAssignment.record(person, incident, scope.now());
        timers.managerAssigned(scope);
        scope.event(TimelineEvent.Type.HANDOVER, "Incident manager: " + from + " → " + scope.name(person) + ".");
        scope.announce(Message.text("Incident manager of " + scope.key() + " handed over from " + from + " to "
                + scope.name(person) + ". " + scope.name(person) + ", please acknowledge with `ack`."));
        scope.tell(Destination.person(person), IncidentMessages.managerAssigned(scope));
        scope.refreshCards();
    }

    /** The plan person named, matched without regard to letter case, as people type on phones. */
    private static String planPerson(IncidentScope scope, String typed) {
        return scope.plan().people().keySet().stream().filter(id -> id.equalsIgnoreCase(typed)).findFirst()
                .orElseThrow(() -> new CommandError("`" + CommandError.echo(typed) + "` is not a person in the " + scope.plan().service()
                        + " plan; people: " + String.join(", ", scope.plan().people().keySet()) + "."));
    }
}
