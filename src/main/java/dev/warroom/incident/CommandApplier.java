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
    IncidentViews views;
    @Inject
    Outbox outbox;
    @Inject
    Timeline timeline;
    @Inject
    HandledRequests handled;
    @Inject
    Clock clock;
    @Inject
    RestrictedIncidents restricted;

    /** Applies the command unless this request was handled before; returns false for a repeat. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean apply(CommandRequest request) {
        if (!handled.claim(request.requestId())) {
            return false;
        }
        Command command = parser.parse(request.text());
        if (command instanceof Command.Declare declare) {
            declareFlow.declare(declare, request);
        } else if (command instanceof Command.Drill drill) {
            declareFlow.drill(drill, request);
        } else if (command instanceof Command.OnIncident onIncident) {
            applyToIncident(onIncident, scope(onIncident, request));
        } else if (command instanceof Command.ListIncidents) {
            reply(request, views.openIncidents(incident -> restricted.maySee(request.actor().personId(), incident)));
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
        if (!handled.claim(request.requestId())) {
            return;
        }
        Long incidentId = null;
        if (error instanceof Refusal refusal) {
            incidentId = refusal.incidentId();
            timeline.add(incidentId, request.actor(), TimelineEvent.Type.REFUSED,
                    "`" + request.text().strip() + "`: " + error.getMessage());
        }
        outbox.post(request.platform(), Destination.channel(request.channel()), request.answer(Message.text(error.getMessage())),
                incidentId);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(CommandRequest request) {
        outbox.post(request.platform(), Destination.channel(request.channel()), request.answer(Message.text(
                "Sorry, something went wrong with `" + request.text().strip() + "`; nothing was changed. Please try again.")),
                null);
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
        } else if (command instanceof Command.ShowReport) {
            closing.report(scope);
        } else if (command instanceof Command.Close) {
            closing.close(scope);
        }
    }

    private IncidentScope scope(Command.OnIncident command, CommandRequest request) {
        // Status and steps only read: unlocked, they neither wait for the commands that change the incident nor hold
        // each other up (a burst of `status` on one incident ran one at a time behind its row lock).
        boolean reads = command instanceof Command.Status || command instanceof Command.Steps;
        String key = command.incidentKey();
        Incident incident;
        if (key != null) {
            // A restricted incident named from outside its channel is unknown to whoever may not see it.
            incident = (reads ? Incident.findByKey(key) : Incident.lockByKey(key))
                    .filter(i -> inItsChannel(i, request) || restricted.maySee(request.actor().personId(), i))
                    .orElseThrow(() -> new CommandError("There is no incident " + CommandError.echo(key) + ". See `list` for open incidents."));
        } else {
            incident = (reads ? Incident.findByChannel(request.channel()) : Incident.lockByChannel(request.channel()))
                    .orElseThrow(() -> new CommandError(
                    "Which incident? Name it, e.g. `status INC-12`, or type the command in the incident's channel."));
        }
        IncidentLog.about(incident.key());
        Plan plan = plans.active(incident.service)
                .filter(p -> p.severity(incident.severity).isPresent())
                .orElseThrow(() -> new CommandError("The plan for " + incident.service
                        + " is not loaded (or lost severity " + incident.severity + "); fix it, then try again. See `plans`."));
        return new IncidentScope(incident, plan, request, outbox, timeline, clock.instant());
    }

    private static boolean inItsChannel(Incident incident, CommandRequest request) {
        return incident.channel.equals(request.channel()) && incident.platform.equals(request.platform());
    }

    private void reply(CommandRequest request, Message message) {
        outbox.post(request.platform(), Destination.channel(request.channel()), request.answer(message), null);
    }
}
