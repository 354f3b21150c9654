package dev.warroom.plan;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Every validation rule, one row each: given the reference plan with one thing changed, the plan is rejected with
 * exactly these error lines (as printed in CI), and nothing else.
 */
class PlanValidationRulesTest {

    private static final String F = "payments-api.yaml: ";
    private static final String RECIPIENTS = "is not a role, person, stakeholder, stakeholders.internal or stakeholders.external";
    private static final String DURATIONS = "is not a duration; use 30s, 5m, 2h or 1d";

    @ParameterizedTest
    @MethodSource("brokenPlans")
    void rejectsThePlanWithExactlyTheseErrors(UnaryOperator<ExamplePlan> change, List<String> expected) {
        PlanReadResult result = change.apply(ExamplePlan.load()).read();

        assertEquals(expected, result.errors().stream().map(PlanError::toString).toList());
        assertNull(result.plan());
    }

    static Stream<Arguments> brokenPlans() {
        return Stream.of(
                // keys and types
                broken("unknown top-level key (a typo)", p -> p.set("/peopel", "{}"),
                        F + "peopel: unknown key; expected one of service, title, scope, incident_types, owner, reviewed, "
                                + "review_every, location, people, roles, stakeholders, communication, severities, escalation, "
                                + "mitigation, forensics, recovery, lessons, drills"),
                broken("unknown nested key", p -> p.set("/location/onlin", "https://wiki.example.com/x"),
                        F + "location.onlin: unknown key; expected one of online, offline"),
                broken("required key missing", p -> p.remove("/title"),
                        F + "title: is required"),
                broken("required key left empty", p -> p.set("/title", "~"),
                        F + "title: must not be empty"),
                broken("blank string", p -> p.set("/scope", "'   '"),
                        F + "scope: must not be empty"),
                broken("string expected", p -> p.set("/scope", "[outages, degradation]"),
                        F + "scope: must be a string"),
                broken("list expected", p -> p.set("/people/bob/contacts", "{slack: U01BOB}"),
                        F + "people.bob.contacts: must be a list"),
                broken("mapping expected", p -> p.set("/location", "https://wiki.example.com/plans/payments-api"),
                        F + "location: must be a mapping"),
                // service, incident types
                broken("service missing", p -> p.remove("/service"),
                        F + "service: is required"),
                broken("service not a slug", p -> p.set("/service", "Payments API"),
                        F + "service: \"Payments API\" is not a slug; use a-z, 0-9 and -, starting with a letter or digit"),
                broken("service starting with a hyphen", p -> p.set("/service", "-payments"),
                        F + "service: \"-payments\" is not a slug; use a-z, 0-9 and -, starting with a letter or digit"),
                broken("incident types empty", p -> p.set("/incident_types", "[]"),
                        F + "incident_types: must not be empty"),
                broken("incident type name not a slug", p -> p.set("/incident_types/1/name", "Slow Payments"),
                        F + "incident_types[1].name: \"Slow Payments\" is not a slug; use a-z, 0-9 and -, starting with a letter or digit"),
                broken("incident type listed twice", p -> p.set("/incident_types/1/name", "outage"),
                        F + "incident_types[1].name: \"outage\" is already listed at incident_types[0]"),
                broken("incident type without a name", p -> p.set("/incident_types/0", "{restricted: true}"),
                        F + "incident_types[0].name: is required"),
                broken("restricted not a boolean", p -> p.set("/incident_types/2/restricted", "'yes please'"),
                        F + "incident_types[2].restricted: must be true or false"),
                // owner and review
                broken("owner not a person", p -> p.set("/owner", "zoe"),
                        F + "owner: \"zoe\" is not a person in people"),
                broken("reviewed not a date", p -> p.set("/reviewed", "01/10/2026"),
                        F + "reviewed: \"01/10/2026\" is not a date; use yyyy-mm-dd"),
                broken("reviewed an impossible date", p -> p.set("/reviewed", "'2026-02-30'"),
                        F + "reviewed: \"2026-02-30\" is not a date; use yyyy-mm-dd"),
                broken("review_every in weeks", p -> p.set("/review_every", "12w"),
                        F + "review_every: \"12w\" " + DURATIONS),
                broken("review_every zero", p -> p.set("/review_every", "0d"),
                        F + "review_every: \"0d\" " + DURATIONS),
                // location
                broken("online location not a URL", p -> p.set("/location/online", "wiki.example.com/plans/payments-api"),
                        F + "location.online: \"wiki.example.com/plans/payments-api\" is not an http(s) URL"),
                broken("online location not http", p -> p.set("/location/online", "ftp://files.example.com/plan.pdf"),
                        F + "location.online: \"ftp://files.example.com/plan.pdf\" is not an http(s) URL"),
                broken("offline location missing", p -> p.remove("/location/offline"),
                        F + "location.offline: is required"),
                // people and contacts
                broken("no people", p -> p.set("/people", "{}"),
                        F + "people: must not be empty"),
                broken("person with one contact method", p -> p.set("/people/dave/contacts", "[{email: dave@example.com}]"),
                        F + "people.dave.contacts: needs at least 2 contact methods, has 1"),
                broken("two emails are one contact method", p -> p.set("/people/dave/contacts",
                                "[{email: dave@example.com}, {email: dave.brown@example.org}]"),
                        F + "people.dave.contacts: needs at least 2 contact methods, has 1"),
                broken("unknown contact method", p -> p.set("/people/dave/contacts/1", "{fax: '+44 20 7946 0009'}"),
                        F + "people.dave.contacts[1].fax: unknown contact method; expected one of slack, teams, email, phone",
                        F + "people.dave.contacts: needs at least 2 contact methods, has 1"),
                broken("email not an email", p -> p.set("/people/bob/contacts/1", "{email: bob.example.com}"),
                        F + "people.bob.contacts[1].email: \"bob.example.com\" is not an email address"),
                broken("contact given as plain text", p -> p.set("/people/carol/contacts/0", "U01CAROL"),
                        F + "people.carol.contacts[0]: must be one contact method, e.g. {email: alice@example.com}",
                        F + "people.carol.contacts: needs at least 2 contact methods, has 1"),
                broken("two contact methods in one item", p -> p.set("/people/carol/contacts",
                                "[{slack: U01CAROL, email: carol@example.com}]"),
                        F + "people.carol.contacts[0]: holds 2 contact methods; give each its own list item",
                        F + "people.carol.contacts: needs at least 2 contact methods, has 0"),
                broken("contact value empty", p -> p.set("/people/bob/contacts/0", "{slack: ''}"),
                        F + "people.bob.contacts[0].slack: must not be empty"),
                broken("person without a name", p -> p.remove("/people/erin/name"),
                        F + "people.erin.name: is required"),
                // roles
                broken("incident-manager role missing", p -> p.remove("/roles/incident-manager"),
                        F + "roles.incident-manager: is required",
                        F + "communication.chain[0].from: \"incident-manager\" " + RECIPIENTS,
                        F + "escalation.levels[0].notify[0]: \"incident-manager\" " + RECIPIENTS),
                broken("eligible list missing", p -> p.remove("/roles/incident-manager/eligible"),
                        F + "roles.incident-manager.eligible: is required"),
                broken("eligible list empty", p -> p.set("/roles/incident-manager/eligible", "[]"),
                        F + "roles.incident-manager.eligible: must not be empty"),
                broken("eligible name not a person", p -> p.set("/roles/incident-manager/eligible/2", "zoe"),
                        F + "roles.incident-manager.eligible[2]: \"zoe\" is not a person in people"),
                broken("eligible name listed twice", p -> p.set("/roles/incident-manager/eligible/2", "alice"),
                        F + "roles.incident-manager.eligible[2]: \"alice\" is already listed at [0]"),
                broken("member listed twice", p -> p.set("/roles/technical-expert/members/3", "bob"),
                        F + "roles.technical-expert.members[3]: \"bob\" is already listed at [0]"),
                broken("member not a person", p -> p.set("/roles/forensic-lead/members/0", "Frank"),
                        F + "roles.forensic-lead.members[0]: \"Frank\" is not a person in people"),
                broken("role without members", p -> p.remove("/roles/technical-expert/members"),
                        F + "roles.technical-expert.members: is required"),
                broken("role with empty members", p -> p.set("/roles/technical-expert/members", "[]"),
                        F + "roles.technical-expert.members: must not be empty"),
                broken("role without description", p -> p.set("/roles/forensic-lead/description", "''"),
                        F + "roles.forensic-lead.description: must not be empty"),
                broken("eligible list on another role", p -> p.set("/roles/technical-expert/eligible", "[bob]"),
                        F + "roles.technical-expert.eligible: only incident-manager has an eligible list"),
                // stakeholders
                broken("stakeholder with one contact method", p -> p.set("/stakeholders/internal/0/contacts",
                                "[{email: head-payments@example.com}]"),
                        F + "stakeholders.internal[0].contacts: needs at least 2 contact methods, has 1"),
                broken("stakeholder notified on an unknown severity", p -> p.set("/stakeholders/external/0/notify", "[critical]"),
                        F + "stakeholders.external[0].notify[0]: \"critical\" is not a severity in severities"),
                broken("stakeholder notify missing", p -> p.remove("/stakeholders/external/0/notify"),
                        F + "stakeholders.external[0].notify: is required"),
                broken("stakeholder name used twice", p -> p.set("/stakeholders/external/0/name", "Head of Payments"),
                        F + "stakeholders.external[0].name: \"Head of Payments\" is already listed at stakeholders.internal[0]"),
                broken("stakeholders not lists", p -> p.set("/stakeholders/external", "{name: Card processor NOC}"),
                        F + "stakeholders.external: must be a list"),
                broken("unknown stakeholder group", p -> p.set("/stakeholders/partners", "[]"),
                        F + "stakeholders.partners: unknown key; expected one of internal, external"),
                // communication chain
                broken("communication chain empty", p -> p.set("/communication/chain", "[]"),
                        F + "communication.chain: must not be empty"),
                broken("chain name that resolves to nothing", p -> p.set("/communication/chain/1/to/1", "stakeholders.extern"),
                        F + "communication.chain[1].to[1]: \"stakeholders.extern\" " + RECIPIENTS),
                broken("chain from nobody", p -> p.set("/communication/chain/0/from", "duty-manager"),
                        F + "communication.chain[0].from: \"duty-manager\" " + RECIPIENTS),
                broken("chain link without to", p -> p.remove("/communication/chain/0/to"),
                        F + "communication.chain[0].to: is required"),
                // severities
                broken("no severities", p -> p.set("/severities", "{}"),
                        F + "severities: must not be empty"),
                broken("ack_within in words", p -> p.set("/severities/high/ack_within", "5 minutes"),
                        F + "severities.high.ack_within: \"5 minutes\" " + DURATIONS),
                broken("duration without a unit", p -> p.set("/severities/low/update_every", "4"),
                        F + "severities.low.update_every: \"4\" " + DURATIONS),
                broken("duration given as a list", p -> p.set("/severities/low/update_every", "[4h]"),
                        F + "severities.low.update_every: must be a duration; use 30s, 5m, 2h or 1d"),
                broken("report not required for medium", p -> p.set("/severities/medium/report_required", "false"),
                        F + "severities.medium.report_required: must be true for medium and high severities"),
                broken("report not required for high", p -> p.set("/severities/high/report_required", "false"),
                        F + "severities.high.report_required: must be true for medium and high severities"),
                broken("report_required not a boolean", p -> p.set("/severities/low/report_required", "'no'"),
                        F + "severities.low.report_required: must be true or false"),
                broken("target for a phase without targets", p -> p.set("/severities/high/targets/resolved", "1d"),
                        F + "severities.high.targets.resolved: unknown phase; expected one of detection, analysis, "
                                + "containment, eradication, recovery"),
                broken("target phase capitalised", p -> p.set("/severities/high/targets", "{Analysis: 15m}"),
                        F + "severities.high.targets.Analysis: unknown phase; expected one of detection, analysis, "
                                + "containment, eradication, recovery"),
                broken("target not a duration", p -> p.set("/severities/low/targets/analysis", "4 hours"),
                        F + "severities.low.targets.analysis: \"4 hours\" " + DURATIONS),
                broken("targets missing", p -> p.remove("/severities/low/targets"),
                        F + "severities.low.targets: is required"),
                // escalation
                broken("no escalation levels", p -> p.set("/escalation/levels", "[]"),
                        F + "escalation.levels: must not be empty"),
                broken("escalation to nobody", p -> p.set("/escalation/levels/1/notify/0", "bobby"),
                        F + "escalation.levels[1].notify[0]: \"bobby\" " + RECIPIENTS),
                broken("escalation notify empty", p -> p.set("/escalation/levels/0/notify", "[]"),
                        F + "escalation.levels[0].notify: must not be empty"),
                broken("escalation level without reason", p -> p.remove("/escalation/levels/2/reason"),
                        F + "escalation.levels[2].reason: is required"),
                broken("repeat negative", p -> p.set("/escalation/repeat", "-1"),
                        F + "escalation.repeat: must be a whole number, 0 or more"),
                broken("repeat as text", p -> p.set("/escalation/repeat", "'twice'"),
                        F + "escalation.repeat: must be a whole number, 0 or more"),
                // mitigation
                broken("mitigation default missing", p -> p.remove("/mitigation/default"),
                        F + "mitigation.default: is required"),
                broken("mitigation for an unknown incident type", p -> p.set("/mitigation/outgae", "[Check the dashboard]"),
                        F + "mitigation.outgae: unknown key; expected one of outage, degradation, security-breach, default"),
                broken("mitigation steps empty", p -> p.set("/mitigation/outage", "[]"),
                        F + "mitigation.outage: must not be empty"),
                broken("runbook not a URL", p -> p.set("/mitigation/outage/1/runbook", "wiki/runbooks/payments-failover"),
                        F + "mitigation.outage[1].runbook: \"wiki/runbooks/payments-failover\" is not an http(s) URL"),
                broken("step neither text nor mapping", p -> p.set("/mitigation/default/0", "[Assess, impact]"),
                        F + "mitigation.default[0]: must be a step text or a mapping with step and runbook"),
                broken("step mapping without step", p -> p.remove("/mitigation/outage/1/step"),
                        F + "mitigation.outage[1].step: is required"),
                broken("step mapping with unknown key", p -> p.set("/mitigation/outage/1/link", "https://wiki.example.com/x"),
                        F + "mitigation.outage[1].link: unknown key; expected one of step, runbook"),
                // forensics, recovery, lessons
                broken("forensics invoked by a non-role", p -> p.set("/forensics/invoked_by", "frank"),
                        F + "forensics.invoked_by: \"frank\" is not a role in roles"),
                broken("forensics criteria empty", p -> p.set("/forensics/criteria", "[]"),
                        F + "forensics.criteria: must not be empty"),
                broken("forensics criterion not text", p -> p.set("/forensics/criteria/1", "{malware: true}"),
                        F + "forensics.criteria[1]: must be a string"),
                broken("recovery missing", p -> p.remove("/recovery"),
                        F + "recovery: is required"),
                broken("recovery not a list", p -> p.set("/recovery", "Back to normal"),
                        F + "recovery: must be a list"),
                broken("lessons prompts empty", p -> p.set("/lessons/prompts", "[]"),
                        F + "lessons.prompts: must not be empty"),
                broken("lessons reminder not a duration", p -> p.set("/lessons/remind_every", "daily"),
                        F + "lessons.remind_every: \"daily\" " + DURATIONS),
                // drills
                broken("drills not a mapping", p -> p.set("/drills", "true"),
                        F + "drills: must be a mapping"),
                broken("drills telling stakeholders not a boolean", p -> p.set("/drills", "{notify_stakeholders: sometimes}"),
                        F + "drills.notify_stakeholders: must be true or false"),
                broken("drills with an unknown key", p -> p.set("/drills", "{notify: true}"),
                        F + "drills.notify: unknown key; expected one of notify_stakeholders"));
    }

    private static Arguments broken(String rule, UnaryOperator<ExamplePlan> change, String... expected) {
        return argumentSet(rule, change, List.of(expected));
    }
}
