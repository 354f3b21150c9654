package dev.warroom.notify;

import dev.warroom.plan.Plan;
import dev.warroom.plan.PlanRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/**
 * Chooses the platform that reaches a person: the preferred one (where the incident lives) when the
 * person has a contact there, else any enabled platform they have a contact on, else the local chat.
 */
@ApplicationScoped
public class PlatformRouter {

    public static final String LOCAL = "local";

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
                .filter(MessageDeliverer::enabled)
                .filter(d -> d.contactKind().map(kind -> person.flatMap(p -> p.contact(kind)).isPresent()).orElse(true))
                .toList();
        return reaching.stream().map(MessageDeliverer::platform).filter(preferred::equals).findFirst()
                .or(() -> reaching.stream().map(MessageDeliverer::platform).filter(p -> !p.equals(LOCAL)).findFirst())
                .orElse(LOCAL);
    }

    public List<String> enabledPlatforms() {
        return deliverers.stream().filter(MessageDeliverer::enabled).map(MessageDeliverer::platform).toList();
    }

    public Optional<MessageDeliverer> deliverer(String platform) {
        return deliverers.stream().filter(d -> d.platform().equals(platform)).findFirst();
    }
}
