package dev.warroom.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlanValidationCommandTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void validPlansExitZeroWithASummary() {
        int exit = PlanValidationCommand.run(PlanDirectoryReaderTest.SHIPPED, out);

        assertEquals(0, exit);
        assertEquals(List.of("2 plans valid: identity-service, payments-api"), lines());
    }

    @Test
    void oneValidPlanIsCountedInTheSingular(@TempDir Path dir) throws IOException {
        Files.copy(ExamplePlan.SHARED, dir.resolve("payments-api.yaml"));

        assertEquals(0, PlanValidationCommand.run(dir, out));
        assertEquals(List.of("1 plan valid: payments-api"), lines());
    }

    @Test
    void brokenPlansExitOneAndPrintEveryErrorLine(@TempDir Path dir) throws IOException {
        Files.copy(ExamplePlan.SHARED, dir.resolve("payments-api.yaml"));
        Files.writeString(dir.resolve("search-api.yaml"), ExamplePlan.load()
                .set("/service", "search-api")
                .set("/people/dave/contacts", "[{email: dave@example.com}]")
                .set("/roles/incident-manager/eligible/2", "zoe")
                .yaml());

        int exit = PlanValidationCommand.run(dir, out);

        assertEquals(1, exit);
        assertEquals(List.of(
                "search-api.yaml: people.dave.contacts: needs at least 2 contact methods, has 1",
                "search-api.yaml: roles.incident-manager.eligible[2]: \"zoe\" is not a person in people"), lines());
    }

    @Test
    void theErrorsOfEveryFileArePrinted() {
        int exit = PlanValidationCommand.run(Path.of("src", "test", "resources", "plans", "unreadable"), out);

        assertEquals(1, exit);
        assertEquals(List.of(
                "alias.yaml: people.lee.contacts: YAML aliases (*kim-contacts) are not supported; write the value out",
                "duplicate-key.yaml: people.kim: duplicate key",
                "empty.yaml: (file): is empty; expected a plan mapping (service, title, ...)",
                "list.yaml: (file): must be a mapping of plan keys (service, title, ...)",
                "not-yaml.yaml: (file): not valid YAML at line 6, column 3: could not find expected ':' "
                        + "(while scanning a simple key at line 5, column 5)",
                "two-documents.yaml: (file): must hold one YAML document, has more than one"), lines());
    }

    @Test
    void aMissingDirectoryExitsOne() {
        assertEquals(1, PlanValidationCommand.run(Path.of("manifests", "no-such-plans"), out));
        assertEquals(List.of("manifests/no-such-plans: (directory): no such directory"), lines());
    }

    @Test
    void aDirectoryWithoutPlansExitsOne(@TempDir Path dir) {
        assertEquals(1, PlanValidationCommand.run(dir, out));
        assertEquals(List.of(dir + ": (directory): has no .yaml or .yml files"), lines());
    }

    private List<String> lines() {
        return printed.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
