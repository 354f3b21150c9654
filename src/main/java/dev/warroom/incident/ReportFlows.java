package dev.warroom.incident;

import dev.warroom.command.Button;
import dev.warroom.command.Command;
import dev.warroom.command.CommandError;
import dev.warroom.command.Field;
import dev.warroom.command.Message;
import dev.warroom.notify.Destination;
import dev.warroom.plan.Phase;
import dev.warroom.report.FollowUpAction;
import dev.warroom.report.IncidentReport;
import dev.warroom.report.ReportBuilder;
import dev.warroom.report.ReportExport;
import dev.warroom.report.ReportLinks;
import dev.warroom.report.ReportRenderer;
import dev.warroom.report.ReportRevision;
import dev.warroom.report.ReportRevisions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The written report: follow-up actions, the report's card and stored draft, approval and its offline copy. */
@ApplicationScoped
public class ReportFlows {

    @Inject
    ReportRenderer renderer;
    @Inject
    ReportRevisions revisions;
    @Inject
    ReportExport export;
    @Inject
    ReportLinks links;

    void action(IncidentScope scope, Command.AddAction command) {
        scope.requireNotClosed();
        scope.requireResponder("action");
        String owner = scope.planPerson(command.owner());
        LocalDate today = LocalDate.ofInstant(scope.now(), ZoneOffset.UTC);
        if (command.due() != null && command.due().isBefore(today)) {
            throw new CommandError("The due date " + command.due() + " is in the past (today is " + today
                    + "); nothing was recorded.");
        }
        Incident incident = scope.incident();
        FollowUpAction action = new FollowUpAction();
        action.incidentId = incident.id;
        action.number = FollowUpAction.of(incident.id).size() + 1;
        action.text = command.text();
        action.owner = owner;
        action.due = command.due();
        action.createdBy = scope.actor().ref();
        action.createdAt = scope.now();
        action.persist();
        String what = ReportMessages.action(scope, action);
        scope.event(TimelineEvent.Type.ACTION_ADDED, "Action " + action.number + ": " + what);
        scope.reply(Message.text("Action " + action.number + " recorded for " + scope.key() + ": " + what + "."));
        if (!scope.actor().is(owner)) {
            scope.tell(Destination.person(owner), Message.text("You own follow-up action " + action.number + " of "
                    + IncidentMessages.headline(incident) + ": " + what + ". Channel: #" + incident.channel));
        }
    }

    /** Stores the report as it reads now (as the draft) and shows its card. */
    void report(IncidentScope scope) {
        IncidentReport report = ReportBuilder.build(scope.incident(), scope.plan());
        ReportRevision revision = store(scope, report);
        scope.reply(card(scope, report, revision));
    }

    void approve(IncidentScope scope) {
        Incident incident = scope.incident();
        scope.requireManager("report approve");
        if (!incident.phase.isAfter(Phase.RECOVERY)) {
            throw new CommandError("Resolve " + scope.key() + " first: the report is approved after `resolve`.");
        }
        ReportRevision revision = store(scope, ReportBuilder.build(incident, scope.plan()));
        if (revision.isApproved()) {
            throw new CommandError("Revision " + revision.revision + " of the report of " + scope.key()
                    + " is already approved (" + ReportMessages.approval(scope, revision) + ").");
        }
        revisions.approve(revision, scope.actor().ref(), scope.now());
        scope.event(TimelineEvent.Type.REPORT_APPROVED, "Report revision " + revision.revision + " approved.");
        Optional<String> failure = export.write(scope.key(), revision);
        scope.announce(Message.text("✅ The report of " + scope.key() + " is approved by " + scope.name(scope.actor().ref())
                + " (revision " + revision.revision + "): " + links.page(scope.key()) + "\n" + failure
                .map(why -> "⚠ Its offline copy could not be written (" + why + "); Warroom tries again every 5 minutes.")
                .orElse("Offline copy: " + export.file(scope.key(), revision.revision))));
    }

    /** Whether the incident may close as far as its report goes: medium and high need an approved report. */
    void requireApprovedIfRequired(IncidentScope scope) {
        Incident incident = scope.incident();
        if (scope.severity().reportRequired() && ReportRevision.latestApproved(incident.id).isEmpty()) {
            throw new CommandError(scope.key() + " is " + incident.severity + ": its report must be approved before it "
                    + "can close. The incident manager approves it with `report approve`, then `close`.");
        }
    }

    /** On close, a report that was never approved is stored as it reads at closing. */
    void storeUnlessApproved(IncidentScope scope) {
        if (ReportRevision.latest(scope.incident().id).map(ReportRevision::isApproved).orElse(false)) {
            return;
        }
        store(scope, ReportBuilder.build(scope.incident(), scope.plan()));
    }

    private ReportRevision store(IncidentScope scope, IncidentReport report) {
        ReportRevisions.Stored stored = revisions.store(scope.incident().id, renderer.markdown(report),
                scope.actor().ref(), scope.now());
        switch (stored.change()) {
            case CREATED -> scope.event(TimelineEvent.Type.REPORT_WRITTEN, "Report revision " + stored.revision().revision
                    + " written (draft).");
            case UPDATED -> scope.event(TimelineEvent.Type.REPORT_WRITTEN, "Report revision " + stored.revision().revision
                    + " updated (draft).");
            case UNCHANGED -> {
            }
        }
        return stored.revision();
    }

    private Message card(IncidentScope scope, IncidentReport report, ReportRevision revision) {
        Incident incident = scope.incident();
        List<Button> buttons = !revision.isApproved() && incident.phase.isAfter(Phase.RECOVERY)
                ? List.of(new Button("Approve", "report " + scope.key() + " approve")) : List.of();
        return new Message("*Report: " + IncidentMessages.headline(incident) + "*",
                List.of(new Field("Status", ReportMessages.status(scope, revision)),
                        new Field("Phase targets", report.targetsMet() + " met, " + report.targetsMissed() + " missed"),
                        new Field("Lessons", String.valueOf(report.lessonCount())),
                        new Field("Actions", String.valueOf(report.actions().size())),
                        new Field("Full report", links.page(scope.key()))),
                buttons);
    }
}
