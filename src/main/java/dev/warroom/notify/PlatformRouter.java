package dev.warroom.notify;

import dev.warroom.plan.Plan;
import dev.warroom.plan.PlanRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/**
 * Chooses the chat platform that reaches a person: the preferred one (where the incident lives) when the
 * person has a contact there, else any enabled chat platform they have a contact on, else the local chat.
 * Email is not a chat platform: it is added to chat only when people are paged.
 */
@ApplicationScoped
public class PlatformRouter {

    public static final String LOCAL = "local";
    public static final String EMAIL = "email";

    @Inject
    Instance<MessageDeliverer> deliverers;
    @Inject
    PlanRegistry plans;

    public String platformFor(Destination destination, String preferred) {
        if (destination.kind() != Destination.Kind.PERSON) {
            return destination.kind() == Destination.Kind.STAKEHOLDER ? LOCAL : preferred;
        }
        Optional<Plan.Person> person = plans.person(destination.name());
        List<MessageDeliverer> reaching = deliverers.stream()
                .filter(d -> d.enabled() && !d.platform().equals(EMAIL))
                .filter(d -> d.contactKind().map(kind -> person.flatMap(p -> p.contact(kind)).isPresent()).orElse(true))
                .toList();
        return reaching.stream().map(MessageDeliverer::platform).filter(preferred::equals).findFirst()
                .or(() -> reaching.stream().map(MessageDeliverer::platform).filter(p -> !p.equals(LOCAL)).findFirst())
                .orElse(LOCAL);
    }

    /** The email address of a person or stakeholder in the plans, if they have one. */
    public Optional<String> emailOf(Destination destination) {
        return switch (destination.kind()) {
            case PERSON -> plans.person(destination.name()).flatMap(p -> p.contact(Plan.Contact.Kind.EMAIL));
            case STAKEHOLDER -> plans.stakeholder(destination.name()).flatMap(s -> s.contact(Plan.Contact.Kind.EMAIL));
            case CHANNEL -> Optional.empty();
        };
    }

    public List<String> enabledPlatforms() {
        return deliverers.stream().filter(MessageDeliverer::enabled).map(MessageDeliverer::platform).toList();
    }

    public Optional<MessageDeliverer> deliverer(String platform) {
        return deliverers.stream().filter(d -> d.platform().equals(platform)).findFirst();
    }
}
