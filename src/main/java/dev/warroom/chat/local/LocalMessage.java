package dev.warroom.chat.local;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** A message in the local web chat: what people typed and what Warroom answered. */
@Entity
@Table(name = "local_message")
public class LocalMessage extends PanacheEntityBase {

    public static final String BOT = "warroom";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String channel;
    @Column(name = "user_name")
    public String user;
    public String text;
    /** The message's buttons as JSON, or null. */
    public String buttons;
    public Instant ts;
    /** Names a message that is kept up to date (see {@link dev.warroom.command.Message#key()}). */
    @Column(name = "message_key")
    public String key;
    /** The first message of the thread this message replies in; null for a message in the channel itself. */
    @Column(name = "parent_id")
    public Long parentId;
    @Column(name = "edited_at")
    public Instant editedAt;
    /** Deleted by its writer: shown as deleted, kept for the record. */
    @Column(name = "deleted_at")
    public Instant deletedAt;

    public static java.util.Optional<LocalMessage> keyed(String channel, String key) {
        return find("channel = ?1 and key = ?2", channel, key).firstResultOptional();
    }

    public static List<LocalMessage> after(String channel, long afterId) {
        return list("channel = ?1 and id > ?2 order by id", channel, afterId);
    }

    public static List<String> channels() {
        return getEntityManager().createQuery(
                "select m.channel from LocalMessage m where m.channel not like '@%' group by m.channel order by min(m.id)",
                String.class).getResultList();
    }
}
