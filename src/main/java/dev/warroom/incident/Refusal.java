package dev.warroom.incident;

import dev.warroom.command.CommandError;

/** A command refused for lack of a role; it is recorded in the incident's timeline. */
public class Refusal extends CommandError {

    private final long incidentId;

    public Refusal(long incidentId, String message) {
        super(message);
        this.incidentId = incidentId;
    }

    public long incidentId() {
        return incidentId;
    }
}
