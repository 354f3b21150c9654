package dev.warroom.chat.local;

import dev.warroom.command.Mention;
import dev.warroom.command.Message;
import dev.warroom.notify.ChannelOpening;
import dev.warroom.notify.Destination;
import dev.warroom.notify.PlatformRouter;
import dev.warroom.plan.Plan;
import dev.warroom.notify.MessageDeliverer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Locale;
import java.util.Optional;

/**
 * Delivers outbox messages into the local web chat: channels by name, direct messages to a
 * person in {@code @<person>}, to a stakeholder in {@code @<stakeholder-name-slug>}.
 */
@ApplicationScoped
public class LocalDeliverer implements MessageDeliverer {

    @Inject
    LocalChat chat;

    @Override
    public String platform() {
        return PlatformRouter.LOCAL;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    /** Everyone can be reached in the local chat, by their plan id. */
    @Override
    public Optional<Plan.Contact.Kind> contactKind() {
        return Optional.empty();
    }

    /** Local channels exist as soon as something is posted in them. */
    @Override
    public void open(ChannelOpening opening, Long incidentId) {
    }

    @Override
    public void deliver(Destination destination, Message message, Long incidentId) {
        String text = message.withText(t -> Mention.render(t, person -> "@" + person)).plainText();
        chat.post(channelOf(destination), LocalMessage.BOT, text, message.buttons(), message.key(), thread(message));
    }

    /** The local chat's threads are named by their first message's id. */
    private static Long thread(Message message) {
        try {
            return message.thread() == null ? null : Long.valueOf(message.thread());
        } catch (NumberFormatException notLocal) {
            return null;
        }
    }

    public static String channelOf(Destination destination) {
        return switch (destination.kind()) {
            case CHANNEL -> destination.name();
            case PERSON -> "@" + destination.name();
            case STAKEHOLDER -> "@" + destination.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("(^-+|-+$)", "");
        };
    }
}
