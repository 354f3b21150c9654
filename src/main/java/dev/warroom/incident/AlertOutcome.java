package dev.warroom.incident;

/** What an alert notification did: declared an incident, added to one, or nothing (with the reason). */
public record AlertOutcome(Result result, String incident, String reason) {

    public enum Result { DECLARED, UPDATED, IGNORED }

    static AlertOutcome declared(Incident incident) {
        return new AlertOutcome(Result.DECLARED, incident.key(), null);
    }

    static AlertOutcome updated(Incident incident) {
        return new AlertOutcome(Result.UPDATED, incident.key(), null);
    }

    public static AlertOutcome ignored(String reason) {
        return new AlertOutcome(Result.IGNORED, null, reason);
    }
}
