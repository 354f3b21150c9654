package dev.warroom.notify;

import dev.warroom.plan.Plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns the names a plan uses (roles, people, stakeholder groups, stakeholders) into recipients,
 * e.g. along the communication chain or for an escalation level.
 */
public final class PlanAddressBook {

    private final Plan plan;
    private final String severity;
    private final Function<String, List<String>> peopleInRole;

    /**
     * @param peopleInRole who holds a role in the incident at hand (the incident manager role included)
     */
    public PlanAddressBook(Plan plan, String severity, Function<String, List<String>> peopleInRole) {
        this.plan = plan;
        this.severity = severity;
        this.peopleInRole = peopleInRole;
    }

    /** Everyone the communication chain reaches for this severity, in chain order, each once. */
    public List<Recipient> chain() {
        Map<Destination, Recipient> found = new LinkedHashMap<>();
        for (Plan.ChainLink link : plan.communicationChain()) {
            for (String name : link.to()) {
                for (Recipient recipient : resolve(name, "told by " + link.from())) {
                    found.putIfAbsent(recipient.destination(), recipient);
                }
            }
        }
        return List.copyOf(found.values());
    }

    /** Everyone the escalation levels name directly or through a role. */
    public Set<String> escalationPeople() {
        Set<String> people = new LinkedHashSet<>();
        for (Plan.EscalationLevel level : plan.escalation().levels()) {
            for (Recipient recipient : resolveAll(level.notifyNames(), level.name())) {
                if (recipient.destination().kind() == Destination.Kind.PERSON) {
                    people.add(recipient.destination().name());
                }
            }
        }
        return people;
    }

    /** The recipients behind each name, in order, each once. */
    public List<Recipient> resolveAll(List<String> names, String because) {
        Map<Destination, Recipient> found = new LinkedHashMap<>();
        for (String name : names) {
            resolve(name, because).forEach(r -> found.putIfAbsent(r.destination(), r));
        }
        return List.copyOf(found.values());
    }

    /** The recipients one name stands for; stakeholders only when their notify list has this severity. */
    public List<Recipient> resolve(String name, String because) {
        List<Recipient> out = new ArrayList<>();
        if (plan.roles().containsKey(name)) {
            for (String person : peopleInRole.apply(name)) {
                out.add(new Recipient(Destination.person(person), name + ", " + because));
            }
        } else if (plan.people().containsKey(name)) {
            out.add(new Recipient(Destination.person(name), because));
        } else if (name.equals(Plan.INTERNAL_STAKEHOLDERS)) {
            addStakeholders(plan.stakeholders().internal(), "internal stakeholder, " + because, out);
        } else if (name.equals(Plan.EXTERNAL_STAKEHOLDERS)) {
            addStakeholders(plan.stakeholders().external(), "external stakeholder, " + because, out);
        } else {
            plan.stakeholders().all().stream().filter(s -> s.name().equals(name))
                    .forEach(s -> addStakeholders(List.of(s), "stakeholder, " + because, out));
        }
        return out;
    }

    private void addStakeholders(List<Plan.Stakeholder> stakeholders, String because, List<Recipient> out) {
        for (Plan.Stakeholder stakeholder : stakeholders) {
            if (stakeholder.notifyOn().contains(severity)) {
                out.add(new Recipient(Destination.stakeholder(stakeholder.name()), because));
            }
        }
    }
}
