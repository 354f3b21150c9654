package dev.warroom.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class PlanDirectoryReaderTest {

    /** The plans the project ships. */
    static final Path SHIPPED = Path.of("manifests", "plans");

    private final PlanDirectoryReader reader = new PlanDirectoryReader();

    @Test
    void theShippedPlansAreValid() {
        List<PlanReadResult> results = reader.read(SHIPPED);

        assertEquals(List.of("identity-service.yaml", "payments-api.yaml"), results.stream().map(PlanReadResult::file).toList());
        results.forEach(r -> assertEquals(List.of(), r.errors(), r.file()));
        assertEquals(List.of("identity-service", "payments-api"), results.stream().map(r -> r.plan().service()).toList());
    }

    @Test
    void theShippedPaymentsPlanIsTheSharedReferenceUnchanged() throws IOException {
        assertEquals(Files.readString(ExamplePlan.SHARED), Files.readString(SHIPPED.resolve("payments-api.yaml")));
    }

    @Test
    void theIdentityPlanHasItsOwnIncidentTypesAndPeople() {
        Plan plan = new PlanReader().read(SHIPPED.resolve("identity-service.yaml")).plan();

        assertNotNull(plan.incidentType("login-failure").orElse(null));
        assertNotNull(plan.incidentType("token-leak").orElse(null));
        assertEquals(List.of("grace", "heidi", "alice"), plan.eligibleManagers());
        assertEquals("security-lead", plan.forensics().invokedBy());
    }

    @Test
    void aServiceDeclaredByTwoFilesIsAnErrorOnTheLaterFile(@TempDir Path dir) throws IOException {
        Files.copy(ExamplePlan.SHARED, dir.resolve("a.yaml"));
        Files.copy(ExamplePlan.SHARED, dir.resolve("payments-copy.yml"));

        List<PlanReadResult> results = reader.read(dir);

        assertEquals(List.of(), results.get(0).errors());
        assertNotNull(results.get(0).plan());
        assertEquals(List.of("payments-copy.yml: service: \"payments-api\" is already defined in a.yaml"),
                results.get(1).errors().stream().map(PlanError::toString).toList());
        assertNull(results.get(1).plan());
    }

    @Test
    void aDuplicateServiceIsReportedEvenWhenTheLaterFileHasOtherErrors(@TempDir Path dir) throws IOException {
        Files.copy(ExamplePlan.SHARED, dir.resolve("a.yaml"));
        Files.writeString(dir.resolve("b.yaml"), ExamplePlan.load().set("/owner", "zoe").yaml());

        assertEquals(List.of("b.yaml: owner: \"zoe\" is not a person in people",
                        "b.yaml: service: \"payments-api\" is already defined in a.yaml"),
                reader.read(dir).get(1).errors().stream().map(PlanError::toString).toList());
    }

    @Test
    void onlyYamlFilesAreReadInNameOrder(@TempDir Path dir) throws IOException {
        Files.copy(SHIPPED.resolve("payments-api.yaml"), dir.resolve("b-payments.yaml"));
        Files.copy(SHIPPED.resolve("identity-service.yaml"), dir.resolve("a-identity.yml"));
        Files.writeString(dir.resolve("README.md"), "# Plans\n");
        Files.createDirectory(dir.resolve("old.yaml"));

        assertEquals(List.of("a-identity.yml", "b-payments.yaml"),
                reader.read(dir).stream().map(PlanReadResult::file).toList());
    }

    @Test
    void aMissingDirectoryIsAnErrorResult() {
        List<PlanReadResult> results = reader.read(Path.of("manifests", "no-such-plans"));

        assertEquals(List.of("manifests/no-such-plans: (directory): no such directory"),
                results.stream().flatMap(r -> r.errors().stream()).map(PlanError::toString).toList());
    }

    @Test
    void aFileInsteadOfADirectoryIsAnErrorResult() {
        assertEquals(List.of("manifests/plans/payments-api.yaml: (directory): is not a directory"),
                reader.read(SHIPPED.resolve("payments-api.yaml")).stream()
                        .flatMap(r -> r.errors().stream()).map(PlanError::toString).toList());
    }

    @Test
    void anEmptyDirectoryHasNoPlans(@TempDir Path dir) {
        assertEquals(List.of(), reader.read(dir));
    }
}
