package dev.warroom.plan;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One service's incident response plan, exactly as its manifest says (see manifests/plans).
 * Maps keep the file's order.
 */
public record Plan(
        String service,
        String title,
        String scope,
        List<IncidentType> incidentTypes,
        String owner,
        LocalDate reviewed,
        Duration reviewEvery,
        Location location,
        Map<String, Person> people,
        Map<String, Role> roles,
        Stakeholders stakeholders,
        List<ChainLink> communicationChain,
        Map<String, Severity> severities,
        Escalation escalation,
        Map<String, List<MitigationStep>> mitigation,
        Forensics forensics,
        List<String> recovery,
        Lessons lessons,
        Drills drills) {

    public static final String INCIDENT_MANAGER = "incident-manager";
    public static final String DEFAULT_MITIGATION = "default";
    public static final String INTERNAL_STAKEHOLDERS = "stakeholders.internal";
    public static final String EXTERNAL_STAKEHOLDERS = "stakeholders.external";

    public Optional<Person> person(String id) {
        return Optional.ofNullable(people.get(id));
    }

    public Optional<Severity> severity(String name) {
        return Optional.ofNullable(severities.get(name));
    }

    public Optional<IncidentType> incidentType(String name) {
        return incidentTypes.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The mitigation steps for an incident type, or the default steps when the type has none. */
    public List<MitigationStep> mitigationFor(String incidentType) {
        List<MitigationStep> steps = incidentType == null ? null : mitigation.get(incidentType);
        return steps != null ? steps : mitigation.getOrDefault(DEFAULT_MITIGATION, List.of());
    }

    public List<String> eligibleManagers() {
        Role manager = roles.get(INCIDENT_MANAGER);
        return manager == null ? List.of() : manager.eligible();
    }

    /** True when the plan is past its review date on the given day. */
    public boolean isStale(LocalDate today) {
        return reviewed.plusDays(reviewEvery.toDays()).isBefore(today);
    }

    public LocalDate reviewDue() {
        return reviewed.plusDays(reviewEvery.toDays());
    }

    public record IncidentType(String name, boolean restricted) {}

    public record Location(String online, String offline) {}

    public record Person(String id, String name, List<Contact> contacts) {
        public Optional<String> contact(Contact.Kind kind) {
            return Contact.first(contacts, kind);
        }
    }

    public record Contact(Kind kind, String value) {
        public enum Kind { SLACK, TEAMS, EMAIL, PHONE }

        static Optional<String> first(List<Contact> contacts, Kind kind) {
            return contacts.stream().filter(c -> c.kind() == kind).map(Contact::value).findFirst();
        }
    }

    /** A role: what it is responsible for and who holds it; the incident manager role lists its eligible people. */
    public record Role(String id, String description, List<String> members, List<String> eligible) {}

    public record Stakeholders(List<Stakeholder> internal, List<Stakeholder> external) {
        /** Internal stakeholders, then external ones. */
        public List<Stakeholder> all() {
            return Stream.concat(internal.stream(), external.stream()).toList();
        }
    }

    /** Someone told about incidents of the severities in {@code notifyOn}, outside the response team. */
    public record Stakeholder(String name, List<Contact> contacts, List<String> notifyOn, boolean external) {
        public Optional<String> contact(Contact.Kind kind) {
            return Contact.first(contacts, kind);
        }
    }

    /** One link of the communication chain: {@code from} informs each of {@code to}, in order. */
    public record ChainLink(String from, List<String> to) {}

    /** An impact level with its timers; targets say how long each phase may take. */
    public record Severity(String name, Duration ackWithin, Duration updateEvery, boolean reportRequired,
                           Map<Phase, Duration> targets) {}

    public record Escalation(List<EscalationLevel> levels, int repeat) {}

    public record EscalationLevel(String name, List<String> notifyNames, String reason) {}

    /** A mitigation step: a short imperative, with an optional runbook link (null when absent). */
    public record MitigationStep(String text, String runbook) {}

    public record Forensics(String invokedBy, List<String> criteria) {}

    /**
     * How practice incidents of this plan run; {@code notifyStakeholders}: stakeholders are told during a drill as in
     * a real incident (by default they are not, and the timeline records whom a drill did not tell).
     */
    public record Drills(boolean notifyStakeholders) {
        public static final Drills DEFAULT = new Drills(false);
    }

    /** Lessons-learned prompts; {@code remindEvery} is null when the plan sets none. */
    public record Lessons(List<String> prompts, Duration remindEvery) {}
}
