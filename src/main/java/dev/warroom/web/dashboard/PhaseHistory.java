package dev.warroom.web.dashboard;

import dev.warroom.incident.Incident;
import dev.warroom.incident.IncidentMessages;
import dev.warroom.incident.PhaseTimes;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.plan.Phase;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An incident's way through the phases, each against the plan's target for its severity, in words:
 * "took 20m, target 1h: met". When each phase began comes from {@link PhaseTimes}.
 */
final class PhaseHistory {

    /** One phase of the bar: {@code state} is done, current, skipped or not reached; {@code outcome} is met, missed or empty. */
    record PhaseStep(String phase, String state, String outcome, String detail) {}

    private PhaseHistory() {
    }

    static List<PhaseStep> of(Incident incident, List<TimelineEvent> timeline, Map<Phase, Duration> targets, Instant now) {
        PhaseTimes times = PhaseTimes.of(incident, timeline);
        List<PhaseStep> steps = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            Duration target = targets.get(phase);
            Instant start = times.entered(phase).orElse(null);
            if (phase == incident.phase) {
                steps.add(current(phase, start == null ? incident.phaseEnteredAt : start, target, now));
            } else if (incident.phase.isAfter(phase)) {
                steps.add(start == null ? new PhaseStep(phase.word(), "skipped", "", "")
                        : finished(phase, Duration.between(start, times.ended(phase).orElse(now)), target));
            } else {
                steps.add(new PhaseStep(phase.word(), "not reached", "",
                        target == null ? "" : "target " + IncidentMessages.duration(target)));
            }
        }
        return steps;
    }

    private static PhaseStep current(Phase phase, Instant start, Duration target, Instant now) {
        Duration so = Duration.between(start, now);
        String since = "since " + IncidentMessages.time(start) + " (" + IncidentMessages.duration(so) + ")";
        if (target == null) {
            return new PhaseStep(phase.word(), "current", "", since + (phase.isAfter(Phase.RECOVERY) ? "" : ", no target"));
        }
        if (so.compareTo(target) > 0) {
            return new PhaseStep(phase.word(), "current", "missed", since + ", target " + IncidentMessages.duration(target)
                    + ": missed by " + IncidentMessages.duration(so.minus(target)));
        }
        return new PhaseStep(phase.word(), "current", "", since + ", target " + IncidentMessages.duration(target)
                + ": due by " + IncidentMessages.time(start.plus(target)));
    }

    private static PhaseStep finished(Phase phase, Duration took, Duration target) {
        String detail = "took " + IncidentMessages.duration(took);
        if (target == null) {
            return new PhaseStep(phase.word(), "done", "", detail + ", no target");
        }
        boolean met = took.compareTo(target) <= 0;
        return new PhaseStep(phase.word(), "done", met ? "met" : "missed",
                detail + ", target " + IncidentMessages.duration(target) + (met ? ": met" : ": missed"));
    }
}
