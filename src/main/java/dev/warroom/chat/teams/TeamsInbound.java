package dev.warroom.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warroom.chat.AcknowledgedWork;
import dev.warroom.chat.ChatConversation;
import dev.warroom.chat.ChatMessageRef;
import dev.warroom.command.Actor;
import dev.warroom.command.CommandParser;
import dev.warroom.command.CommandRequest;
import dev.warroom.incident.IncidentCommandService;
import dev.warroom.incident.IncidentMessages;
import dev.warroom.plan.Plan;
import dev.warroom.plan.PlanRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.regex.Pattern;

/**
 * Turns authenticated Teams activities into the core's commands: the conversation is remembered
 * (service URL, tenant, team channel) so replies and later notifications can be sent; messages and
 * Adaptive Card submits become {@link CommandRequest}s, run after the activity was acknowledged.
 */
@ApplicationScoped
public class TeamsInbound {

    private static final Logger LOG = Logger.getLogger(TeamsInbound.class);
    private static final Pattern MENTION = Pattern.compile("<at>[^<]*</at>");
    private static final Pattern INCIDENT_PREFIX = Pattern.compile("(?i)^/?incident\\b\\s*");

    @Inject
    IncidentCommandService commands;
    @Inject
    PlanRegistry plans;
    @Inject
    AcknowledgedWork work;
    @Inject
    Clock clock;

    /** Called with an authenticated activity; returns at once, the command runs on a worker. */
    public void accept(JsonNode activity) {
        String conversationId = activity.path("conversation").path("id").asText();
        String serviceUrl = activity.path("serviceUrl").asText();
        String tenant = text(activity.path("conversation").path("tenantId"));
        if (tenant == null) {
            tenant = text(activity.path("channelData").path("tenant").path("id"));
        }
        String teamChannel = text(activity.path("channelData").path("channel").path("id"));
        String type = text(activity.path("conversation").path("conversationType"));
        String tenantId = tenant;
        QuarkusTransaction.requiringNew().run(() -> TeamsConversation.remember(conversationId, serviceUrl, tenantId,
                teamChannel, type, clock.instant()));

        if (!"message".equals(activity.path("type").asText())) {
            return; // conversationUpdate, installationUpdate, typing...: nothing to do beyond remembering
        }
        String command = commandText(activity);
        if (command == null || command.isBlank()) {
            return;
        }
        JsonNode from = activity.path("from");
        String userId = text(from.path("id"));
        String aadObjectId = text(from.path("aadObjectId"));
        String userName = text(from.path("name"));
        String requestId = "teams:" + activity.path("id").asText(conversationId + ":" + clock.millis());
        boolean typed = !isCardSubmit(activity);
        work.submit(() -> handle(command, typed, userId, aadObjectId, userName, conversationId, requestId));
    }

    /** A card's Action.Submit carries {@code {"command": "..."}}; a typed message has the mention stripped. */
    static String commandText(JsonNode activity) {
        if (isCardSubmit(activity)) {
            return activity.path("value").path("command").asText().strip();
        }
        String text = text(activity.path("text"));
        if (text == null) {
            return null;
        }
        String withoutMentions = MENTION.matcher(text).replaceAll(" ")
                .replace("&nbsp;", " ").replace('\u00a0', ' ').strip();
        return INCIDENT_PREFIX.matcher(withoutMentions).replaceFirst("").strip();
    }

    private void handle(String text, boolean typed, String userId, String aadObjectId, String userName,
                        String conversationId, String requestId) {
        try {
            String channelName = QuarkusTransaction.requiringNew().call(() ->
                    ChatConversation.name(TeamsDeliverer.PLATFORM, conversationId).orElse(conversationId));
            String command = typed && isLessonsConversation(conversationId) && !CommandParser.startsWithCommand(text)
                    ? "lesson " + text : text;
            commands.handle(new CommandRequest(command, actor(userId, aadObjectId, userName), TeamsDeliverer.PLATFORM,
                    channelName, requestId));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Teams command `%s` from %s could not be handled", text, userId);
        }
    }

    /**
     * Teams channel threads are one level deep, so the lessons-learned post cannot have replies of its own: its
     * reply chain is the incident's thread (a reply's conversation id is {@code <channel>;messageid=<thread root>}).
     * Once the post was delivered there (its id kept under the lessons key), what people write in that thread and is
     * not a command is a lesson, as replies in Slack's lessons thread are.
     */
    private boolean isLessonsConversation(String conversationId) {
        return QuarkusTransaction.requiringNew().call(() -> ChatMessageRef.externalId(TeamsDeliverer.PLATFORM,
                conversationId, IncidentMessages.LESSONS_KEY).isPresent());
    }

    /** A Teams user is a plan person when a plan lists their AAD object id or Teams user id as a teams contact. */
    private Actor actor(String userId, String aadObjectId, String userName) {
        return plans.people().stream()
                .filter(p -> p.contact(Plan.Contact.Kind.TEAMS)
                        .filter(c -> c.equalsIgnoreCase(String.valueOf(aadObjectId)) || c.equals(userId)).isPresent())
                .findFirst()
                .map(p -> Actor.person(p.id(), p.name()))
                .orElseGet(() -> Actor.stranger(userName != null && !userName.isBlank() ? userName
                        : userId != null ? userId : "someone on Teams"));
    }

    private static boolean isCardSubmit(JsonNode activity) {
        JsonNode submitted = activity.path("value").path("command");
        return submitted.isTextual() && !submitted.asText().isBlank();
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() || node.asText().isBlank() ? null : node.asText();
    }
}
