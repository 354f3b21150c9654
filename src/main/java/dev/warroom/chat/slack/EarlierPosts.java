package dev.warroom.chat.slack;

import com.slack.api.model.Message;
import dev.warroom.notify.DeliveryAttempt;
import dev.warroom.notify.DeliveryRejected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;

/**
 * chat.postMessage has no idempotency key: when its answer is lost (a reset connection, a timeout, a 5xx after the
 * post), Slack may have posted it all the same. Each post carries its outbox id as message metadata, and a retry first
 * looks for a post with that id in the channel (or the thread) since the message was queued, whenever an earlier try
 * may have arrived (see {@link DeliveryAttempt#mayHaveArrived()}).
 */
@ApplicationScoped
class EarlierPosts {

    private static final Logger LOG = Logger.getLogger(EarlierPosts.class);
    static final String EVENT_TYPE = "warroom_outbox";
    static final String OUTBOX_ID = "outbox_id";
    private static final int PAGE = 200;
    private static final int MAX_PAGES = 5;

    @Inject
    SlackApi api;

    static Message.Metadata of(DeliveryAttempt attempt) {
        return new Message.Metadata(EVENT_TYPE, Map.of(OUTBOX_ID, String.valueOf(attempt.outboxId())));
    }

    /** The ts of the post an earlier try of this attempt's message made, if it made one. */
    Optional<String> find(String channel, String thread, DeliveryAttempt attempt) throws Exception {
        String oldest = attempt.queuedAt().minus(SlackPages.CLOCK_SKEW).getEpochSecond() + ".000000";
        String id = String.valueOf(attempt.outboxId());
        try {
            Optional<String> found = SlackPages.<Message>findFirst(MAX_PAGES, cursor -> {
                if (thread == null) {
                    var history = api.call("conversations.history", m -> m.conversationsHistory(r -> r.channel(channel)
                            .oldest(oldest).includeAllMetadata(true).limit(PAGE).cursor(cursor)));
                    return new SlackPages.Page<>(history.getMessages(), history.getResponseMetadata());
                }
                var replies = api.call("conversations.replies", m -> m.conversationsReplies(r -> r.channel(channel)
                        .ts(thread).oldest(oldest).includeAllMetadata(true).limit(PAGE).cursor(cursor)));
                return new SlackPages.Page<>(replies.getMessages(), replies.getResponseMetadata());
            }, message -> isOf(message, id)).map(Message::getTs);
            found.ifPresent(ts -> LOG.infof("Slack: outbox message %s was posted by an earlier try (ts %s); not posted "
                    + "again", id, ts));
            return found;
        } catch (DeliveryRejected cannotRead) {
            // No history scope in an older installation, say: a possible double beats a lost message.
            LOG.warnf("Slack: could not look for an earlier post of outbox message %s (%s); posting it", id,
                    cannotRead.getMessage());
        }
        return Optional.empty();
    }

    private static boolean isOf(Message message, String outboxId) {
        Message.Metadata metadata = message.getMetadata();
        return metadata != null && EVENT_TYPE.equals(metadata.getEventType()) && metadata.getEventPayload() != null
                && outboxId.equals(String.valueOf(metadata.getEventPayload().get(OUTBOX_ID)));
    }
}
