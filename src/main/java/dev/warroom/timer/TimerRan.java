package dev.warroom.timer;

import java.time.Instant;

/** One run of a timer's firing body, told to whoever measures it (the metrics): when it was due, when it ran, what it did. */
public record TimerRan(String kind, Instant due, Instant ranAt, Outcome outcome) {

    public enum Outcome {
        /** The timer was current and its handler acted (and committed). */
        ACTED,
        /** Fired before, cleared or set again since: nothing done. */
        SKIPPED,
        /** The firing's transaction failed; nothing of it was kept. */
        FAILED,
        /** No handler knows the kind. */
        UNHANDLED
    }
}
