package dev.warroom.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warroom.chat.ChatConversation;
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
import java.util.Optional;

/**
 * Delivers outbox messages to Teams through the Bot Connector: replies and notifications to the
 * conversations Warroom has seen (at their service URL), a new thread in the team channel for each
 * incident, one-to-one chats for people (by their plan {@code teams:} contact), kept cards updated in
 * place. Runs inside the outbox dispatcher's transaction.
 */
@ApplicationScoped
public class TeamsDeliverer implements MessageDeliverer {

    public static final String PLATFORM = "teams";

    @Inject
    TeamsSettings settings;
    @Inject
    TeamsConnector connector;
    @Inject
    PlanRegistry plans;
    @Inject
    Clock clock;

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
        return Optional.of(Plan.Contact.Kind.TEAMS);
    }

    /** The incident's conversation: a new thread in the team channel Warroom was last addressed in. */
    @Override
    public void open(ChannelOpening opening, Long incidentId) throws Exception {
        if (ChatConversation.externalId(PLATFORM, opening.name()).isPresent()) {
            return;
        }
        Optional<TeamsConversation> known = TeamsConversation.latestTeamChannel();
        if (known.isEmpty()) {
            tellWhyNoThread(opening);
            throw new DeliveryRejected("no Teams team channel known yet: mention Warroom in a team channel first");
        }
        TeamsConversation team = known.get();
        ObjectNode parameters = connector.json().createObjectNode();
        parameters.put("isGroup", true);
        parameters.putObject("channelData").putObject("channel").put("id", team.teamChannelId);
        if (team.tenantId != null) {
            parameters.put("tenantId", team.tenantId);
        }
        ObjectNode first = parameters.putObject("activity");
        first.put("type", "message");
        first.put("textFormat", "markdown");
        first.put("text", AdaptiveCards.markdown(opening.topic()));
        String conversationId = threadId(connector.createConversation(team.serviceUrl, parameters));
        if (conversationId == null) {
            throw new DeliveryRejected("Bot Connector created no conversation for " + opening.name());
        }
        ChatConversation.remember(PLATFORM, opening.name(), conversationId, clock.instant());
        TeamsConversation.remember(conversationId, team.serviceUrl, team.tenantId, team.teamChannelId, "channel",
                clock.instant());
    }

    /**
     * A new channel thread's conversation id, as replies in it arrive: {@code <channel id>;messageid=<root activity id>}.
     * Teams answers with that id; should it answer with the bare channel id, the root's activity id is added.
     */
    static String threadId(JsonNode created) {
        String id = created.path("id").asText(null);
        String root = created.path("activityId").asText(null);
        if (id == null || id.contains(TeamsConversation.THREAD_ROOT) || root == null || root.isBlank()) {
            return id;
        }
        return id + TeamsConversation.THREAD_ROOT + root;
    }

    /** Whoever declared hears at once why the incident has no thread, and what to do, in the conversation they used. */
    private void tellWhyNoThread(ChannelOpening opening) throws Exception {
        Optional<TeamsConversation> declaredIn = opening.requestedIn() == null ? Optional.empty()
                : TeamsConversation.byId(opening.requestedIn());
        if (declaredIn.isEmpty()) {
            return;
        }
        Message hint = Message.text("⚠ #" + opening.name() + " has no thread in Teams: Warroom knows no team channel "
                + "yet. Mention @Warroom once in the team channel where incidents should be opened; later "
                + "incidents get their thread there.");
        connector.send(declaredIn.get().serviceUrl, declaredIn.get().conversationId, AdaptiveCards.activity(hint));
    }

    @Override
    public void deliver(Destination destination, Message message, Long incidentId) throws Exception {
        String conversationId = conversationFor(destination);
        TeamsConversation conversation = TeamsConversation.byId(conversationId).orElseThrow(() ->
                new DeliveryRejected("unknown Teams conversation " + conversationId + ": no service URL"));
        ObjectNode activity = AdaptiveCards.activity(message, this::mention);
        Optional<String> kept = message.key() == null ? Optional.empty()
                : ChatMessageRef.externalId(PLATFORM, conversationId, message.key());
        if (kept.isPresent()) {
            connector.update(conversation.serviceUrl, conversationId, kept.get(), activity);
            return;
        }
        String activityId = connector.send(conversation.serviceUrl, conversationId, activity);
        if (message.key() != null && activityId != null) {
            ChatMessageRef.remember(PLATFORM, conversationId, message.key(), activityId);
        }
    }

    private TeamsMention mention(String person) {
        return plans.person(person)
                .map(p -> new TeamsMention(p.contact(Plan.Contact.Kind.TEAMS).orElse(null), p.name()))
                .orElseGet(() -> new TeamsMention(null, person));
    }

    private String conversationFor(Destination destination) throws Exception {
        return switch (destination.kind()) {
            case CHANNEL -> ChatConversation.externalId(PLATFORM, destination.name()).orElse(destination.name());
            case PERSON -> personalChat(destination.name());
            case STAKEHOLDER -> throw new DeliveryRejected("stakeholders are not reached on Teams");
        };
    }

    /** A one-to-one chat with a plan person, created once and remembered as {@code @person}. */
    private String personalChat(String person) throws Exception {
        String key = "@" + person;
        Optional<String> known = ChatConversation.externalId(PLATFORM, key);
        if (known.isPresent()) {
            return known.get();
        }
        String user = plans.person(person).flatMap(p -> p.contact(Plan.Contact.Kind.TEAMS)).orElseThrow(() ->
                new DeliveryRejected(person + " has no Teams contact in the plans"));
        TeamsConversation any = TeamsConversation.latest().orElseThrow(() -> new DeliveryRejected(
                "no Teams conversation seen yet: Warroom does not know the service URL"));
        String tenant = settings.tenantId().orElse(any.tenantId);
        ObjectNode parameters = connector.json().createObjectNode();
        parameters.put("isGroup", false);
        parameters.putObject("bot").put("id", "28:" + settings.appId());
        parameters.putArray("members").addObject().put("id", user);
        if (tenant != null) {
            parameters.put("tenantId", tenant);
            parameters.putObject("channelData").putObject("tenant").put("id", tenant);
        }
        String conversationId = connector.createConversation(any.serviceUrl, parameters).path("id").asText(null);
        if (conversationId == null) {
            throw new DeliveryRejected("Bot Connector created no chat with " + person);
        }
        ChatConversation.remember(PLATFORM, key, conversationId, clock.instant());
        TeamsConversation.remember(conversationId, any.serviceUrl, tenant, null, "personal", clock.instant());
        return conversationId;
    }
}
