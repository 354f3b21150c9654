package dev.warroom.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The phases every incident goes through, in order; an incident only ever moves forward. */
public enum Phase {
    DETECTION, ANALYSIS, CONTAINMENT, ERADICATION, RECOVERY, RESOLVED, CLOSED;

    /** The lower-case word people type and plans use. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isAfter(Phase other) {
        return ordinal() > other.ordinal();
    }

    public static Optional<Phase> fromWord(String word) {
        return Arrays.stream(values()).filter(p -> p.word().equalsIgnoreCase(word)).findFirst();
    }
}
