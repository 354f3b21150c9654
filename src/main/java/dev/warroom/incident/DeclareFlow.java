package dev.warroom.incident;

import dev.warroom.command.Command;
import dev.warroom.command.CommandError;
import dev.warroom.command.CommandRequest;
import dev.warroom.command.Usage;
import dev.warroom.notify.ChannelOpening;
import dev.warroom.notify.Destination;
import dev.warroom.notify.Outbox;
import dev.warroom.notify.Recipient;
import dev.warroom.plan.Phase;
import dev.warroom.plan.Plan;
import dev.warroom.plan.PlanRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Declaring an incident: the incident, its channel, its manager, its checklist and the first notices. */
@ApplicationScoped
public class DeclareFlow {

    @Inject
    PlanRegistry plans;
    @Inject
    EligibleManagerPicker managerPicker;
    @Inject
    Outbox outbox;
    @Inject
    Timeline timeline;
    @Inject
    EntityManager entityManager;
    @Inject
    IncidentTimers timers;
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public Incident declare(Command.Declare command, CommandRequest request) {
        return declare(command, false, Usage.DECLARE, request);
    }

    /** A practice incident: declared like any other, marked as a drill from its first timeline event on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Incident drill(Command.Drill command, CommandRequest request) {
        Plan plan = planFor(command.service(), Usage.DRILL);
        return declare(DrillDeclaration.of(command, plan), true, Usage.DRILL, request);
    }

    private Incident declare(Command.Declare command, boolean drill, Usage usage, CommandRequest request) {
        Plan plan = planFor(command.service(), usage);
        plan.severity(command.severity()).orElseThrow(() -> CommandError.withUsage(
                "`" + CommandError.echo(command.severity()) + "` is not a severity of " + plan.service() + "; choose "
                        + String.join(", ", plan.severities().keySet()) + ".", usage));
        if (command.incidentType() != null && plan.incidentType(command.incidentType()).isEmpty()) {
            throw CommandError.withUsage("`" + CommandError.echo(command.incidentType()) + "` is not an incident type of " + plan.service()
                    + "; choose " + String.join(", ", plan.incidentTypes().stream().map(Plan.IncidentType::name).toList())
                    + ".", usage);
        }
        Instant now = clock.instant();
        Incident incident = newIncident(command, drill, request, plan, now);
        IncidentScope scope = new IncidentScope(incident, plan, request, outbox, timeline, now);
        scope.event(TimelineEvent.Type.DECLARED, (drill ? "Drill: " : "") + incident.service + " " + incident.severity
                + (incident.incidentType == null ? "" : " (" + incident.incidentType + ")") + ": " + incident.title);

        assignPlanRoles(incident, plan, now);
        EligibleManagerPicker.ManagerPick pick = managerPicker.pick(plan);
        String explanation = IncidentMessages.pickExplanation(scope, pick);
        pick.chosen().ifPresentOrElse(manager -> {
            incident.manager = manager;
            ManagerAssignment.record(manager, incident, now);
            timeline.add(incident.id, request.actor(), TimelineEvent.Type.MANAGER_ASSIGNED, explanation);
        }, () -> timeline.add(incident.id, request.actor(), TimelineEvent.Type.NO_MANAGER_AVAILABLE, explanation));

        List<Step> steps = openMitigationSteps(incident, plan);
        timers.declared(scope);
        scope.reply(IncidentMessages.declared(scope));
        outbox.open(incident.platform, new ChannelOpening(incident.channel, IncidentMessages.topic(scope),
                responders(incident), request.channel()), incident.id);
        scope.post(IncidentMessages.summaryCard(scope));
        if (incident.manager == null) {
            scope.post(IncidentMessages.noManager(scope, explanation));
        }
        scope.post(IncidentMessages.checklist(scope, Step.Kind.MITIGATION, steps));
        if (incident.manager != null) {
            scope.tell(Destination.person(incident.manager), IncidentMessages.managerAssigned(scope));
        }
        List<Recipient> chain = scope.addressBook().chain().stream()
                .filter(r -> !r.destination().equals(incident.manager == null ? null : Destination.person(incident.manager)))
                .toList();
        String told = scope.tellAll(chain, IncidentMessages.chainNotice(scope));
        scope.event(TimelineEvent.Type.NOTIFIED, "Communication chain told: " + told + ".");
        return incident;
    }

    private Plan planFor(String service, Usage usage) {
        return plans.active(service).orElseThrow(() -> CommandError.withUsage(
                "No plan for service `" + CommandError.echo(service) + "`; services: " + services() + ".", usage));
    }

    private Incident newIncident(Command.Declare command, boolean drill, CommandRequest request, Plan plan, Instant now) {
        Incident incident = new Incident();
        incident.drill = drill;
        incident.number = ((Number) entityManager.createNativeQuery("select nextval('incident_number_seq')")
                .getSingleResult()).intValue();
        incident.service = plan.service();
        incident.severity = command.severity();
        incident.incidentType = command.incidentType();
        incident.title = command.title();
        incident.channel = Incident.channelName(incident.number, command.title());
        incident.platform = request.platform();
        incident.phase = Phase.DETECTION;
        incident.phaseEnteredAt = now;
        incident.declaredAt = now;
        incident.declaredBy = request.actor().ref();
        incident.escalationLevel = 1;
        incident.persistAndFlush();
        IncidentLog.about(incident.key());
        return incident;
    }

    /** The manager and everyone holding a role: the channel's first members. */
    private static List<String> responders(Incident incident) {
        java.util.LinkedHashSet<String> people = new java.util.LinkedHashSet<>();
        if (incident.manager != null) {
            people.add(incident.manager);
        }
        RoleHolder.of(incident).forEach(holder -> people.add(holder.person));
        return List.copyOf(people);
    }

    /** The plan's role members are the incident's responders from the start; `assign` adds more. */
    private static void assignPlanRoles(Incident incident, Plan plan, Instant now) {
        for (Plan.Role role : plan.roles().values()) {
            if (!role.id().equals(Plan.INCIDENT_MANAGER)) {
                role.members().forEach(member -> RoleHolder.of(incident, role.id(), member, now).persist());
            }
        }
    }

    private static List<Step> openMitigationSteps(Incident incident, Plan plan) {
        List<Plan.MitigationStep> planned = plan.mitigationFor(incident.incidentType);
        List<Step> steps = new java.util.ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            Step step = Step.open(incident, i + 1, Step.Kind.MITIGATION, planned.get(i).text(), planned.get(i).runbook());
            step.persist();
            steps.add(step);
        }
        return steps;
    }

    private String services() {
        List<String> services = plans.activePlans().stream().map(Plan::service).toList();
        return services.isEmpty() ? "none loaded" : String.join(", ", services);
    }
}
