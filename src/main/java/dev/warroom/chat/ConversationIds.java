package dev.warroom.chat;

import jakarta.transaction.TransactionScoped;

import java.io.Serializable;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A platform's ids of the channels Warroom opened ({@link ChatConversation}), looked up once per transaction: the
 * outbox sends up to 20 messages to one channel in one transaction, and each lookup was a round trip to the database
 * on the one thread that delivers to that channel.
 */
@TransactionScoped
public class ConversationIds implements Serializable {

    private final Map<String, Optional<String>> known = new HashMap<>();

    public Optional<String> externalId(String platform, String name) {
        return known.computeIfAbsent(platform + '\n' + name, key -> ChatConversation.externalId(platform, name));
    }

    public void remember(String platform, String name, String externalId, Instant at) {
        ChatConversation.remember(platform, name, externalId, at);
        known.put(platform + '\n' + name, Optional.of(externalId));
    }
}
