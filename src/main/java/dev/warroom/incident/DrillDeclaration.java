package dev.warroom.incident;

import dev.warroom.command.Command;
import dev.warroom.plan.Plan;

import java.util.Locale;

/**
 * Reads {@code drill <service> <severity> [type] [title…]} against the plan: a first word that names one of the
 * plan's incident types is the type (only the plan knows its types); without a title, the drill is named after
 * what it practises.
 */
final class DrillDeclaration {

    private DrillDeclaration() {
    }

    static Command.Declare of(Command.Drill drill, Plan plan) {
        String type = drill.incidentType();
        String title = drill.incidentTypeOrTitle().strip();
        if (type == null && !title.isEmpty()) {
            String[] firstAndRest = title.split("(?U)\\s+", 2);
            String first = firstAndRest[0].toLowerCase(Locale.ROOT);
            if (plan.incidentType(first).isPresent()) {
                type = first;
                title = firstAndRest.length > 1 ? firstAndRest[1] : "";
            }
        }
        if (title.isEmpty()) {
            title = "Practice " + (type == null ? "incident" : type);
        }
        return new Command.Declare(drill.service(), drill.severity(), type, title);
    }
}
