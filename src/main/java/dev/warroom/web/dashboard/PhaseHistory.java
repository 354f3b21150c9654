package dev.warroom.web.dashboard;

import dev.warroom.incident.Incident;
import dev.warroom.incident.IncidentMessages;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.plan.Phase;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An incident's way through the phases, each against the plan's target for its severity, in words:
 * "took 20m, target 1h: met". The timeline is the only record of when each phase began.
 */
final class PhaseHistory {

    /** One phase of the bar: {@code state} is done, current, skipped or not reached; {@code outcome} is met, missed or empty. */
    record PhaseStep(String phase, String state, String outcome, String detail) {}

    private PhaseHistory() {
    }

    static List<PhaseStep> of(Incident incident, List<TimelineEvent> timeline, Map<Phase, Duration> targets, Instant now) {
        Map<Phase, Instant> entered = entered(incident, timeline);
        List<PhaseStep> steps = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            Duration target = targets.get(phase);
            Instant start = entered.get(phase);
            if (phase == incident.phase) {
                steps.add(current(phase, start == null ? incident.phaseEnteredAt : start, target, now));
            } else if (incident.phase.isAfter(phase)) {
                steps.add(start == null ? new PhaseStep(phase.word(), "skipped", "", "")
                        : finished(phase, Duration.between(start, end(entered, phase, now)), target));
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

    /** When a phase ended: when the next phase that was entered began. */
    private static Instant end(Map<Phase, Instant> entered, Phase phase, Instant now) {
        for (Phase later : Phase.values()) {
            if (later.isAfter(phase) && entered.containsKey(later)) {
                return entered.get(later);
            }
        }
        return now;
    }

    private static Map<Phase, Instant> entered(Incident incident, List<TimelineEvent> timeline) {
        Map<Phase, Instant> entered = new EnumMap<>(Phase.class);
        entered.put(Phase.DETECTION, incident.declaredAt);
        for (TimelineEvent event : timeline) {
            switch (event.type) {
                // The core writes "analysis → containment"; the phase after the arrow is the one entered.
                case PHASE_CHANGED -> Phase.fromWord(event.details.substring(event.details.indexOf('→') + 1).strip())
                        .ifPresent(p -> entered.putIfAbsent(p, event.at));
                case RESOLVED -> entered.putIfAbsent(Phase.RESOLVED, event.at);
                case CLOSED -> entered.putIfAbsent(Phase.CLOSED, event.at);
                default -> {
                }
            }
        }
        return entered;
    }
}
