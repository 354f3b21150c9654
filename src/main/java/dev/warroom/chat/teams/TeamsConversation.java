package dev.warroom.chat.teams;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/** What Warroom must know to post into a Teams conversation later: its service URL, tenant and team channel. */
@Entity
@Table(name = "teams_conversation")
public class TeamsConversation extends PanacheEntityBase {

    /** A channel thread's conversation id is the channel's id, this, and the id of the thread's first post. */
    public static final String THREAD_ROOT = ";messageid=";

    @Id
    @Column(name = "conversation_id")
    public String conversationId;
    @Column(name = "service_url")
    public String serviceUrl;
    @Column(name = "tenant_id")
    public String tenantId;
    /** The team channel's id for a channel conversation (where incident threads are started); null otherwise. */
    @Column(name = "team_channel_id")
    public String teamChannelId;
    @Column(name = "conversation_type")
    public String conversationType;
    @Column(name = "seen_at")
    public Instant seenAt;

    public static Optional<TeamsConversation> byId(String conversationId) {
        return Optional.ofNullable(findById(conversationId));
    }

    /** The team channel Warroom was last addressed in: where a new incident's thread starts. */
    public static Optional<TeamsConversation> latestTeamChannel() {
        return TeamsConversation.<TeamsConversation>find("teamChannelId is not null order by seenAt desc")
                .firstResultOptional();
    }

    /** Any conversation seen lately: its service URL and tenant reach people directly. */
    public static Optional<TeamsConversation> latest() {
        return TeamsConversation.<TeamsConversation>find("order by seenAt desc").firstResultOptional();
    }

    public static void remember(String conversationId, String serviceUrl, String tenantId, String teamChannelId,
                                String conversationType, Instant at) {
        TeamsConversation row = findById(conversationId);
        if (row == null) {
            row = new TeamsConversation();
            row.conversationId = conversationId;
        }
        row.serviceUrl = serviceUrl;
        row.tenantId = tenantId != null ? tenantId : row.tenantId;
        row.teamChannelId = teamChannelId != null ? teamChannelId : row.teamChannelId;
        row.conversationType = conversationType != null ? conversationType : row.conversationType;
        row.seenAt = at;
        row.persist();
    }
}
