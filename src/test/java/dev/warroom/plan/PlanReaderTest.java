package dev.warroom.plan;

import dev.warroom.plan.Plan.Contact;
import dev.warroom.plan.Plan.MitigationStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanReaderTest {

    private static final Path FIXTURES = Path.of("src", "test", "resources", "plans");

    private final PlanReader reader = new PlanReader();

    @Test
    void theSharedReferencePlanIsValidUnchanged() {
        PlanReadResult result = reader.read(ExamplePlan.SHARED);

        assertEquals(List.of(), result.errors());
        assertTrue(result.isValid());
        assertEquals("plan-example.yaml", result.file());
        assertEquals("payments-api", result.service());
        Plan plan = result.plan();
        assertEquals("payments-api", plan.service());
        assertEquals("Payments API incident response plan", plan.title());
        assertEquals(List.of("outage", "degradation", "security-breach"),
                plan.incidentTypes().stream().map(Plan.IncidentType::name).toList());
        assertTrue(plan.incidentType("security-breach").orElseThrow().restricted());
        assertFalse(plan.incidentType("outage").orElseThrow().restricted());
        assertEquals("alice", plan.owner());
        assertEquals(LocalDate.of(2026, 10, 1), plan.reviewed());
        assertEquals(LocalDate.of(2026, 12, 30), plan.reviewDue());
        assertEquals("https://wiki.example.com/plans/payments-api", plan.location().online());
        assertEquals(List.of("alice", "bob", "carol", "dave", "erin", "frank"), List.copyOf(plan.people().keySet()));
        assertEquals("+44 20 7946 0002", plan.person("dave").orElseThrow().contact(Contact.Kind.PHONE).orElseThrow());
        assertEquals(List.of("alice", "bob", "carol"), plan.eligibleManagers());
        assertEquals(List.of(), plan.roles().get(Plan.INCIDENT_MANAGER).members());
        assertEquals(List.of("dave", "erin"), plan.roles().get("communications-liaison").members());
        assertEquals("Head of Payments", plan.stakeholders().internal().get(0).name());
        assertTrue(plan.stakeholders().external().get(0).external());
        assertEquals(List.of("stakeholders.internal", "stakeholders.external"), plan.communicationChain().get(1).to());
        assertEquals(Duration.ofMinutes(5), plan.severity("high").orElseThrow().ackWithin());
        assertEquals(Map.of(Phase.ANALYSIS, Duration.ofMinutes(15), Phase.CONTAINMENT, Duration.ofHours(1),
                        Phase.ERADICATION, Duration.ofHours(4), Phase.RECOVERY, Duration.ofHours(8)),
                plan.severity("high").orElseThrow().targets());
        assertFalse(plan.severity("low").orElseThrow().reportRequired());
        assertEquals(3, plan.escalation().levels().size());
        assertEquals(2, plan.escalation().repeat());
        assertEquals(new MitigationStep("Fail traffic over to the secondary region",
                "https://wiki.example.com/runbooks/payments-failover"), plan.mitigationFor("outage").get(1));
        assertEquals("Assess customer impact and set the severity", plan.mitigationFor("degradation").get(0).text());
        assertEquals("forensic-lead", plan.forensics().invokedBy());
        assertEquals(3, plan.recovery().size());
        assertEquals(Duration.ofDays(1), plan.lessons().remindEvery());
    }

    @Test
    void theExamplePlanReadBackThroughTheTestHelperIsStillValid() {
        assertEquals(List.of(), ExamplePlan.load().errors());
    }

    @Test
    void optionalPartsMayBeLeftOut() {
        Plan plan = ExamplePlan.load()
                .remove("/stakeholders")
                .remove("/escalation/repeat")
                .remove("/lessons/remind_every")
                .remove("/incident_types/2/restricted")
                .read().plan();

        assertEquals(new Plan.Stakeholders(List.of(), List.of()), plan.stakeholders());
        assertEquals(0, plan.escalation().repeat());
        assertNull(plan.lessons().remindEvery());
        assertFalse(plan.incidentType("security-breach").orElseThrow().restricted());
    }

    @Test
    void drillsTellNoStakeholdersUnlessThePlanSaysSo() {
        assertEquals(new Plan.Drills(false), ExamplePlan.load().read().plan().drills());
        assertEquals(new Plan.Drills(true), ExamplePlan.load().set("/drills", "{notify_stakeholders: true}").read().plan().drills());
        assertEquals(new Plan.Drills(false), ExamplePlan.load().set("/drills", "{}").read().plan().drills());
    }

    @Test
    void emptyStakeholderListsAndTargetsAreAllowed() {
        PlanReadResult result = ExamplePlan.load()
                .set("/stakeholders", "{internal: [], external: []}")
                .set("/severities/low/targets", "{}")
                .read();

        assertEquals(List.of(), result.errors());
        assertEquals(Map.of(), result.plan().severity("low").orElseThrow().targets());
    }

    @Test
    void theIncidentManagerRoleMayAlsoHaveMembers() {
        Plan plan = ExamplePlan.load().set("/roles/incident-manager/members", "[dave]").read().plan();

        assertEquals(List.of("dave"), plan.roles().get(Plan.INCIDENT_MANAGER).members());
    }

    @Test
    void chainAndEscalationNamesMayBePeopleStakeholderNamesOrGroups() {
        PlanReadResult result = ExamplePlan.load()
                .set("/communication/chain/1/to", "[Head of Payments, Card processor NOC, frank]")
                .set("/escalation/levels/2/notify", "[dave, stakeholders.external, Head of Payments, forensic-lead]")
                .read();

        assertEquals(List.of(), result.errors());
    }

    @ParameterizedTest
    @CsvSource({"30s, PT30S", "5m, PT5M", "2h, PT2H", "1d, PT24H", "90d, PT2160H"})
    void durationsAreSecondsMinutesHoursOrDays(String written, Duration expected) {
        Plan plan = ExamplePlan.load().set("/severities/high/update_every", written).read().plan();

        assertEquals(expected, plan.severity("high").orElseThrow().updateEvery());
    }

    @Test
    void everyBrokenRuleIsReportedInOneRead() {
        PlanReadResult result = reader.read(FIXTURES.resolve("broken/checkout-web.yaml"));

        assertNull(result.plan());
        assertEquals("checkout-web", result.service());
        assertEquals(List.of(
                "checkout-web.yaml: stakeholder: unknown key; expected one of service, title, scope, incident_types, "
                        + "owner, reviewed, review_every, location, people, roles, stakeholders, communication, "
                        + "severities, escalation, mitigation, forensics, recovery, lessons, drills",
                "checkout-web.yaml: review_every: \"3 months\" is not a duration; use 30s, 5m, 2h or 1d",
                "checkout-web.yaml: people.lee.contacts: needs at least 2 contact methods, has 1",
                "checkout-web.yaml: roles.incident-manager.eligible[2]: \"zoe\" is not a person in people",
                "checkout-web.yaml: severities.high.ack_within: \"5 minutes\" is not a duration; use 30s, 5m, 2h or 1d",
                "checkout-web.yaml: severities.high.report_required: must be true for medium and high severities",
                "checkout-web.yaml: mitigation.default: is required",
                "checkout-web.yaml: forensics.invoked_by: \"security\" is not a role in roles"),
                result.errors().stream().map(PlanError::toString).toList());
    }

    @Test
    void aFileThatIsNotYamlIsOneErrorOnTheWholeFile() {
        assertEquals(List.of("not-yaml.yaml: (file): not valid YAML at line 6, column 3: could not find expected ':' "
                        + "(while scanning a simple key at line 5, column 5)"),
                errorsOf("unreadable/not-yaml.yaml"));
    }

    @Test
    void aFileThatIsNotAMappingIsRejected() {
        assertEquals(List.of("list.yaml: (file): must be a mapping of plan keys (service, title, ...)"),
                errorsOf("unreadable/list.yaml"));
    }

    @Test
    void anEmptyFileIsRejected() {
        assertEquals(List.of("empty.yaml: (file): is empty; expected a plan mapping (service, title, ...)"),
                errorsOf("unreadable/empty.yaml"));
    }

    @Test
    void aKeyWrittenTwiceIsRejectedWhereItRepeats() {
        assertEquals(List.of("duplicate-key.yaml: people.kim: duplicate key"), errorsOf("unreadable/duplicate-key.yaml"));
    }

    @Test
    void aliasesAreRejectedRatherThanReadAsTheirName() {
        assertEquals(List.of("alias.yaml: people.lee.contacts: YAML aliases (*kim-contacts) are not supported; "
                + "write the value out"), errorsOf("unreadable/alias.yaml"));
    }

    @Test
    void aFileHoldsOnePlan() {
        assertEquals(List.of("two-documents.yaml: (file): must hold one YAML document, has more than one"),
                errorsOf("unreadable/two-documents.yaml"));
    }

    @Test
    void aMissingFileIsAnErrorNotAnException() {
        List<String> errors = errorsOf("unreadable/no-such-plan.yaml");

        assertEquals(1, errors.size());
        assertTrue(errors.get(0).startsWith("no-such-plan.yaml: (file): cannot be read: "), errors.get(0));
    }

    @Test
    void anErrorPrintsAsFilePathRule() {
        assertEquals("payments-api.yaml: people.dave.contacts: needs at least 2 contact methods, has 1",
                new PlanError("payments-api.yaml", "people.dave.contacts", "needs at least 2 contact methods, has 1")
                        .toString());
    }

    private List<String> errorsOf(String fixture) {
        return reader.read(FIXTURES.resolve(fixture)).errors().stream().map(PlanError::toString).toList();
    }
}
