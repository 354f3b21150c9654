package dev.warroom.plan;

/**
 * One broken rule in a plan manifest: the file, the path inside it ({@code roles.incident-manager.eligible[2]},
 * or {@code (file)} for the file as a whole) and what is wrong, in words a plan owner can act on.
 */
public record PlanError(String file, String path, String rule) {

    /** The line printed in CI: {@code payments-api.yaml: people.dave.contacts: needs at least 2 contact methods, has 1}. */
    @Override
    public String toString() {
        return file + ": " + path + ": " + rule;
    }
}
