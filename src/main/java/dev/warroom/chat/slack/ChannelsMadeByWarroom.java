package dev.warroom.chat.slack;

import com.slack.api.methods.response.conversations.ConversationsListResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Finds a channel Warroom itself made. When the answer to conversations.create is lost (a reset connection, a
 * timeout), Slack may have made the channel all the same: the retry then hears {@code name_taken}, and the taken
 * channel is the incident's own if Warroom's bot made it since the incident was declared.
 */
@ApplicationScoped
class ChannelsMadeByWarroom {

    private static final int PAGE = 1000;
    /** Slack pages by cursor; a workspace with more public channels than this is searched no further. */
    private static final int MAX_PAGES = 20;

    @Inject
    SlackApi api;
    @Inject
    BotIdentity identity;

    Optional<String> madeSince(String name, Instant since) throws Exception {
        Optional<String> bot = identity.botUserId();
        if (bot.isEmpty()) {
            return Optional.empty();
        }
        return SlackPages.<Conversation>findFirst(MAX_PAGES, cursor -> {
            ConversationsListResponse listed = api.call("conversations.list", m -> m.conversationsList(r -> r
                    .types(List.of(ConversationType.PUBLIC_CHANNEL)).excludeArchived(true).limit(PAGE).cursor(cursor)));
            return new SlackPages.Page<>(listed.getChannels(), listed.getResponseMetadata());
        }, c -> name.equals(c.getName()) && bot.get().equals(c.getCreator()) && madeSince(c, since))
                .map(Conversation::getId);
    }

    private static boolean madeSince(Conversation channel, Instant since) {
        return channel.getCreated() != null && channel.getCreated() >= since.minus(SlackPages.CLOCK_SKEW).getEpochSecond();
    }
}
