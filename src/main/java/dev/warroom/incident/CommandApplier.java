package dev.warroom.incident;

import dev.warroom.command.Command;
import dev.warroom.command.CommandError;
import dev.warroom.command.CommandParser;
import dev.warroom.command.CommandRequest;
import dev.warroom.command.Message;
import dev.warroom.notify.Destination;
import dev.warroom.notify.Outbox;
import dev.warroom.plan.Plan;
import dev.warroom.plan.PlanRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;

/**
 * Applies one command in one transaction: the change, its timeline events and its outbound
 * messages commit together, or none of them do.
 */
@ApplicationScoped
public class CommandApplier {

    private final CommandParser parser = new CommandParser();

    @Inject
    PlanRegistry plans;
    @Inject
    DeclareFlow declareFlow;
    @Inject
    ResponseFlows response;
    @Inject
    RoleFlows roles;
    @Inject
    CommunicationFlows communication;
    @Inject
    ClosingFlows closing;
    @Inject
    ReportFlows reports;
    @Inject
    IncidentViews views;
    @Inject
    Outbox outbox;
    @Inject
    Timeline timeline;
    @Inject
    EntityManager entityManager;
    @Inject
    Clock clock;

    /** Applies the command unless this request was handled before; returns false for a repeat. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean apply(CommandRequest request) {
        if (!claim(request)) {
            return false;
        }
        Command command = parser.parse(request.text());
        if (command instanceof Command.Declare declare) {
            declareFlow.declare(declare, request);
        } else if (command instanceof Command.OnIncident onIncident) {
            applyToIncident(onIncident, scope(onIncident.incidentKey(), request));
        } else if (command instanceof Command.ListIncidents) {
            reply(request, views.openIncidents());
        } else if (command instanceof Command.ListPlans) {
            reply(request, views.planHealth());
        } else if (command instanceof Command.ShowPlan showPlan) {
            reply(request, views.plan(showPlan.service()));
        } else if (command instanceof Command.Help help) {
            reply(request, Message.text(CommandParser.help(help.topic())));
        }
        return true;
    }

    /** Answers a command that failed, and records a refusal in the incident's timeline. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void reject(CommandRequest request, CommandError error) {
        if (!claim(request)) {
            return;
        }
        Long incidentId = null;
        if (error instanceof Refusal refusal) {
            incidentId = refusal.incidentId();
            timeline.add(incidentId, request.actor(), TimelineEvent.Type.REFUSED,
                    "`" + request.text().strip() + "`: " + error.getMessage());
        }
        outbox.post(request.platform(), Destination.channel(request.channel()), Message.text(error.getMessage()), incidentId);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(CommandRequest request) {
        outbox.post(request.platform(), Destination.channel(request.channel()), Message.text(
                "Sorry, something went wrong with `" + request.text().strip() + "`; nothing was changed. Please try again."), null);
    }

    private void applyToIncident(Command.OnIncident command, IncidentScope scope) {
        if (command instanceof Command.Ack) {
            response.ack(scope);
        } else if (command instanceof Command.Status) {
            scope.reply(views.status(scope));
        } else if (command instanceof Command.Steps) {
            scope.reply(views.steps(scope));
        } else if (command instanceof Command.Done done) {
            response.done(scope, done);
        } else if (command instanceof Command.Skip skip) {
            response.skip(scope, skip);
        } else if (command instanceof Command.MovePhase phase) {
            response.movePhase(scope, phase);
        } else if (command instanceof Command.Assign assign) {
            roles.assign(scope, assign);
        } else if (command instanceof Command.Handover handover) {
            roles.handover(scope, handover);
        } else if (command instanceof Command.Update update) {
            communication.update(scope, update);
        } else if (command instanceof Command.Escalate escalate) {
            communication.escalate(scope, escalate);
        } else if (command instanceof Command.InvokeForensics forensics) {
            communication.forensics(scope, forensics);
        } else if (command instanceof Command.Resolve resolve) {
            closing.resolve(scope, resolve);
        } else if (command instanceof Command.AddLesson lesson) {
            closing.lesson(scope, lesson);
        } else if (command instanceof Command.AddAction action) {
            reports.action(scope, action);
        } else if (command instanceof Command.ShowReport) {
            reports.report(scope);
        } else if (command instanceof Command.ApproveReport) {
            reports.approve(scope);
        } else if (command instanceof Command.Close) {
            closing.close(scope);
        }
    }

    private IncidentScope scope(String key, CommandRequest request) {
        Incident incident;
        if (key != null) {
            incident = Incident.lockByKey(key).orElseThrow(() -> new CommandError("There is no incident " + key
                    + ". See `list` for open incidents."));
        } else {
            incident = Incident.lockByChannel(request.channel()).orElseThrow(() -> new CommandError(
                    "Which incident? Name it, e.g. `status INC-12`, or type the command in the incident's channel."));
        }
        IncidentLog.about(incident.key());
        Plan plan = plans.active(incident.service)
                .filter(p -> p.severity(incident.severity).isPresent())
                .orElseThrow(() -> new CommandError("The plan for " + incident.service
                        + " is not loaded (or lost severity " + incident.severity + "); fix it, then try again. See `plans`."));
        return new IncidentScope(incident, plan, request, outbox, timeline, clock.instant());
    }

    private void reply(CommandRequest request, Message message) {
        outbox.post(request.platform(), Destination.channel(request.channel()), message, null);
    }

    /** Marks a platform request as handled; false when it was handled before (a retry). */
    private boolean claim(CommandRequest request) {
        if (request.requestId() == null) {
            return true;
        }
        return entityManager.createNativeQuery(
                        "insert into handled_request (request_id, handled_at) values (?1, ?2) on conflict do nothing")
                .setParameter(1, request.requestId())
                .setParameter(2, clock.instant())
                .executeUpdate() == 1;
    }
}
