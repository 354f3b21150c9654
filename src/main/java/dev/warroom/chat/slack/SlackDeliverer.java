package dev.warroom.chat.slack;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsCreateResponse;
import com.slack.api.model.block.LayoutBlock;
import dev.warroom.chat.ConversationIds;
import dev.warroom.chat.ChatMessageRef;
import dev.warroom.command.Message;
import dev.warroom.notify.ChannelOpening;
import dev.warroom.notify.DeliveryRejected;
import dev.warroom.notify.Destination;
import dev.warroom.notify.MessageDeliverer;
import dev.warroom.plan.Plan;
import dev.warroom.plan.PlanRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Delivers outbox messages to Slack: opens incident channels (create, invite, topic), posts Block
 * Kit messages, keeps kept messages up to date with chat.update, pins the summary card, and sends
 * direct messages through conversations.open. Runs inside the outbox dispatcher's transaction.
 */
@ApplicationScoped
public class SlackDeliverer implements MessageDeliverer {

    public static final String PLATFORM = "slack";
    private static final int TOPIC_LIMIT = 250;
    /** The reaction that confirms a person's message (a lesson recorded from a thread reply). */
    static final String ACKNOWLEDGED = "white_check_mark";

    @Inject
    SlackSettings settings;
    @Inject
    SlackApi api;
    @Inject
    PlanRegistry plans;
    @Inject
    Clock clock;
    @Inject
    ConversationIds conversations;

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public Optional<Plan.Contact.Kind> contactKind() {
        return Optional.of(Plan.Contact.Kind.SLACK);
    }

    @Override
    public void open(ChannelOpening opening, Long incidentId) throws Exception {
        String channel = conversations.externalId(PLATFORM, opening.name()).orElse(null);
        if (channel == null) {
            channel = create(opening.name());
            conversations.remember(PLATFORM, opening.name(), channel, clock.instant());
        }
        String id = channel;
        List<String> users = opening.members().stream().map(this::slackUser).flatMap(Optional::stream).distinct().toList();
        if (!users.isEmpty()) {
            api.call("conversations.invite", m -> m.conversationsInvite(r -> r.channel(id).users(users)),
                    "already_in_channel", "cant_invite_self");
        }
        String topic = opening.topic().length() > TOPIC_LIMIT ? opening.topic().substring(0, TOPIC_LIMIT - 1) + "…"
                : opening.topic();
        api.call("conversations.setTopic", m -> m.conversationsSetTopic(r -> r.channel(id).topic(topic)));
    }

    /** Creates the channel; if the name is taken (an earlier installation), a numbered name is used. */
    private String create(String name) throws Exception {
        for (int attempt = 1; attempt <= 5; attempt++) {
            String candidate = attempt == 1 ? name : name + "-" + attempt;
            ConversationsCreateResponse created = api.call("conversations.create",
                    m -> m.conversationsCreate(r -> r.name(candidate).isPrivate(false)), "name_taken");
            if (created.isOk()) {
                return created.getChannel().getId();
            }
        }
        throw new DeliveryRejected("conversations.create: name_taken for " + name + " and its numbered variants");
    }

    @Override
    public void deliver(Destination destination, Message message, Long incidentId) throws Exception {
        String channel = channelFor(destination);
        if (message.acknowledges() != null) {
            // A reaction instead of a post: the thread stays the people's, and each reply still shows it was taken.
            api.call("reactions.add", m -> m.reactionsAdd(r -> r.channel(channel).timestamp(message.acknowledges())
                    .name(ACKNOWLEDGED)), "already_reacted");
            return;
        }
        List<LayoutBlock> blocks = SlackBlocks.render(message, this::mention);
        String text = SlackBlocks.fallbackText(message, this::mention);
        Optional<String> kept = message.key() == null ? Optional.empty()
                : ChatMessageRef.externalId(PLATFORM, channel, message.key());
        if (kept.isPresent()) {
            api.call("chat.update", m -> m.chatUpdate(r -> r.channel(channel).ts(kept.get()).text(text).blocks(blocks)));
            return;
        }
        ChatPostMessageResponse posted = api.call("chat.postMessage",
                m -> m.chatPostMessage(r -> r.channel(channel).threadTs(message.thread()).text(text).blocks(blocks)
                        .unfurlLinks(false)));
        if (message.key() != null) {
            ChatMessageRef.remember(PLATFORM, channel, message.key(), posted.getTs());
        }
        if (message.pin()) {
            api.call("pins.add", m -> m.pinsAdd(r -> r.channel(channel).timestamp(posted.getTs())), "already_pinned");
        }
    }

    private String channelFor(Destination destination) throws Exception {
        return switch (destination.kind()) {
            case CHANNEL -> conversations.externalId(PLATFORM, destination.name()).orElse(destination.name());
            case PERSON -> {
                String user = slackUser(destination.name()).orElseThrow(() -> new DeliveryRejected(
                        destination.name() + " has no Slack contact in the plans"));
                yield api.call("conversations.open", m -> m.conversationsOpen(r -> r.users(List.of(user))))
                        .getChannel().getId();
            }
            case STAKEHOLDER -> throw new DeliveryRejected("stakeholders are not reached on Slack");
        };
    }

    /** A plan person as Slack notifies them: their user id as a mention, or their name when they have none. */
    private String mention(String person) {
        return slackUser(person).map(user -> "<@" + user + ">")
                .orElseGet(() -> plans.person(person).map(Plan.Person::name).orElse(person));
    }

    private Optional<String> slackUser(String person) {
        return plans.person(person).flatMap(p -> p.contact(Plan.Contact.Kind.SLACK));
    }
}
