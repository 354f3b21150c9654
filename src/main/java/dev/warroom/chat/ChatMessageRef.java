package dev.warroom.chat;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Optional;

/**
 * A platform's own id for a kept message (Slack's ts of the summary card, of the lessons-learned
 * prompt), so it can be updated in place or recognised as a thread's parent.
 */
@Entity
@Table(name = "chat_message_ref")
public class ChatMessageRef extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String platform;
    public String conversation;
    @Column(name = "message_key")
    public String key;
    @Column(name = "external_id")
    public String externalId;

    public static Optional<String> externalId(String platform, String conversation, String key) {
        return ChatMessageRef.<ChatMessageRef>find("platform = ?1 and conversation = ?2 and key = ?3",
                platform, conversation, key).firstResultOptional().map(r -> r.externalId);
    }

    /** The key of the kept message with this platform id, if it is one. */
    public static Optional<String> keyOf(String platform, String conversation, String externalId) {
        return ChatMessageRef.<ChatMessageRef>find("platform = ?1 and conversation = ?2 and externalId = ?3",
                platform, conversation, externalId).firstResultOptional().map(r -> r.key);
    }

    public static void remember(String platform, String conversation, String key, String externalId) {
        ChatMessageRef ref = new ChatMessageRef();
        ref.platform = platform;
        ref.conversation = conversation;
        ref.key = key;
        ref.externalId = externalId;
        ref.persist();
    }
}
