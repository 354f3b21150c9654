package dev.warroom.plan;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** Validates a directory of plan manifests for CI: prints one line per error, or a summary of the valid plans. */
public final class PlanValidationCommand {

    private PlanValidationCommand() {
    }

    /**
     * Prints each error as {@code file: path: rule} and returns 1; when there is none, prints
     * {@code 2 plans valid: identity-service, payments-api} and returns 0. A directory without manifests is an error.
     */
    public static int run(Path dir, PrintStream out) {
        List<PlanReadResult> results = new PlanDirectoryReader().read(dir);
        if (results.isEmpty()) {
            out.println(new PlanError(dir.toString(), PlanRules.DIRECTORY, PlanRules.NO_PLAN_FILES));
            return 1;
        }
        List<PlanError> errors = results.stream().flatMap(r -> r.errors().stream()).toList();
        if (!errors.isEmpty()) {
            errors.forEach(out::println);
            return 1;
        }
        List<String> services = results.stream().map(PlanReadResult::service).sorted().toList();
        out.println(services.size() + (services.size() == 1 ? " plan valid: " : " plans valid: ")
                + String.join(", ", services));
        return 0;
    }
}
