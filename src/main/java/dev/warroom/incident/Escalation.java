package dev.warroom.incident;

import dev.warroom.plan.Plan;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The one way an incident escalates, whether someone typed {@code escalate} or a timer ran out: up one level and page
 * it; at the last level, page it again as often as the plan's {@code repeat} says; after that, stop paging.
 */
@ApplicationScoped
public class Escalation {

    public enum Step { RAISED, REPAGED, STOPPED }

    /** What an escalation did: the level it is at now, who was paged, and for a re-page which one of how many. */
    public record Outcome(Step step, int level, String levelName, String paged, int repeat, int repeats) {
        String label() {
            return "level " + level + ", " + levelName;
        }
    }

    /** Escalates for {@code reason}; {@code by} is who asked, or null when a timer did. */
    Outcome escalate(IncidentScope scope, String reason, String by) {
        Incident incident = scope.incident();
        Plan.Escalation plan = scope.plan().escalation();
        List<Plan.EscalationLevel> levels = plan.levels();
        Step step;
        if (incident.escalationLevel < levels.size()) {
            incident.escalationLevel++;
            step = Step.RAISED;
        } else if (incident.escalationRepeats < plan.repeat()) {
            incident.escalationRepeats++;
            step = Step.REPAGED;
        } else {
            step = Step.STOPPED;
        }
        Plan.EscalationLevel level = levels.get(incident.escalationLevel - 1);
        Outcome outcome = new Outcome(step, incident.escalationLevel, level.name(), "nobody", plan.repeat(),
                incident.escalationRepeats);
        if (step == Step.STOPPED) {
            scope.event(TimelineEvent.Type.ESCALATION_STOPPED, outcome.label() + ": " + reason + " (not paged: the last "
                    + "level was paged again " + plan.repeat() + " " + times(plan.repeat()) + ", as the plan's repeat says)");
            return outcome;
        }
        String paged = scope.pageAll(scope.addressBook().resolveAll(level.notifyNames(), "escalation " + outcome.label()),
                "⬆ " + IncidentMessages.headline(incident) + " is escalated to you (" + outcome.label() + ")"
                        + (by == null ? "" : " by " + by) + ". Reason: " + reason + ". Channel: #" + incident.channel,
                IncidentMessages.pageSubject(incident, "escalated to you"));
        outcome = new Outcome(step, outcome.level(), outcome.levelName(), paged, outcome.repeat(), outcome.repeats());
        scope.event(TimelineEvent.Type.ESCALATED, outcome.label() + (step == Step.REPAGED
                ? " (again, " + outcome.repeats() + " of " + outcome.repeat() + ")" : "") + ": " + reason
                + " (paged: " + paged + ")");
        scope.refreshCards();
        return outcome;
    }

    static String times(int count) {
        return count == 1 ? "time" : "times";
    }
}
