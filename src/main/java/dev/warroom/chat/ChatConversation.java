package dev.warroom.chat;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/** A platform's own id for a channel Warroom opened (Slack's C0123 for {@code inc-3-checkout-failing}). */
@Entity
@Table(name = "chat_conversation")
public class ChatConversation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String platform;
    public String name;
    @Column(name = "external_id")
    public String externalId;
    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<String> externalId(String platform, String name) {
        return ChatConversation.<ChatConversation>find("platform = ?1 and name = ?2", platform, name)
                .firstResultOptional().map(c -> c.externalId);
    }

    public static Optional<String> name(String platform, String externalId) {
        return ChatConversation.<ChatConversation>find("platform = ?1 and externalId = ?2", platform, externalId)
                .firstResultOptional().map(c -> c.name);
    }

    public static void remember(String platform, String name, String externalId, Instant at) {
        ChatConversation conversation = new ChatConversation();
        conversation.platform = platform;
        conversation.name = name;
        conversation.externalId = externalId;
        conversation.createdAt = at;
        conversation.persist();
    }
}
