package dev.warroom.chat.local;

import dev.warroom.command.Message;
import dev.warroom.notify.Destination;
import dev.warroom.notify.MessageDeliverer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Locale;

/**
 * Delivers outbox messages into the local web chat: channels by name, direct messages to a
 * person in {@code @<person>}, to a stakeholder in {@code @<stakeholder-name-slug>}.
 */
@ApplicationScoped
public class LocalDeliverer implements MessageDeliverer {

    @Inject
    LocalChat chat;

    @Override
    public void deliver(Destination destination, Message message, Long incidentId) {
        chat.post(channelOf(destination), LocalMessage.BOT, message.plainText(), message.buttons());
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
