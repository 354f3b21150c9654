package dev.warroom.incident;

import dev.warroom.plan.Phase;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When an incident entered each phase it went through. The timeline is the only record of it: the dashboard's phase
 * bar and the written report both read it here.
 */
public final class PhaseTimes {

    private final Map<Phase, Instant> entered;

    private PhaseTimes(Map<Phase, Instant> entered) {
        this.entered = entered;
    }

    public static PhaseTimes of(Incident incident, List<TimelineEvent> timeline) {
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
        return new PhaseTimes(entered);
    }

    /** When the phase began; empty for a phase skipped or not reached. */
    public Optional<Instant> entered(Phase phase) {
        return Optional.ofNullable(entered.get(phase));
    }

    /** When a phase ended: when the next phase that was entered began; empty while it lasts. */
    public Optional<Instant> ended(Phase phase) {
        for (Phase later : Phase.values()) {
            if (later.isAfter(phase) && entered.containsKey(later)) {
                return Optional.of(entered.get(later));
            }
        }
        return Optional.empty();
    }
}
