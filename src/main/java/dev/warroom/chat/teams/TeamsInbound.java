package dev.warroom.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warroom.chat.ChatWorkNotStored;
import dev.warroom.chat.AcknowledgedWork;
import dev.warroom.chat.InboxWork;
import dev.warroom.chat.InboxWorkRunner;
import dev.warroom.chat.ChatConversation;
import dev.warroom.chat.ChatMessageRef;
import dev.warroom.command.Actor;
import dev.warroom.command.CommandParser;
import dev.warroom.command.CommandRequest;
import dev.warroom.command.SourceMessage;
import dev.warroom.incident.IncidentCommandService;
import dev.warroom.incident.IncidentMessages;
import dev.warroom.incident.LessonEdits;
import dev.warroom.plan.Plan;
import dev.warroom.plan.PlanRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns authenticated Teams activities into the core's commands: the conversation is remembered
 * (service URL, tenant, team channel) so replies and later notifications can be sent; messages and
 * Adaptive Card submits become {@link CommandRequest}s, run after the activity was acknowledged; in an incident's
 * thread after the lessons-learned post, text that is not a command becomes a lesson.
 */
@ApplicationScoped
public class TeamsInbound implements InboxWorkRunner {

    static final String COMMAND = "teams.command";
    static final String LESSON_EDITED = "teams.lesson-edited";
    static final String LESSON_DELETED = "teams.lesson-deleted";

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
    LessonEdits lessons;
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
        String type = text(activity.path("conversation").path("conversationType"));
        String teamChannel = teamChannel(activity, conversationId, type);
        String tenantId = tenant;
        try {
            QuarkusTransaction.requiringNew().run(() -> TeamsConversation.remember(conversationId, serviceUrl, tenantId,
                    teamChannel, type, clock.instant()));
        } catch (RuntimeException notRemembered) { // the activity is refused whole, so nothing of it is half kept
            throw new ChatWorkNotStored(notRemembered);
        }

        String activityType = activity.path("type").asText();
        JsonNode from = activity.path("from");
        String userId = text(from.path("id"));
        String aadObjectId = text(from.path("aadObjectId"));
        String userName = text(from.path("name"));
        String activityId = text(activity.path("id"));
        if (activityType.equals("messageUpdate") || activityType.equals("messageDelete")) {
            changed(activity, conversationId, activityId, userId, aadObjectId, userName);
            return;
        }
        if (!"message".equals(activityType)) {
            return; // conversationUpdate, installationUpdate, typing...: nothing to do beyond remembering
        }
        String command = commandText(activity);
        if (command == null || command.isBlank()) {
            return;
        }
        String requestId = "teams:" + (activityId != null ? activityId : conversationId + ":" + clock.millis());
        work.submit(InboxWork.of(COMMAND, "text", command, "typed", String.valueOf(!isCardSubmit(activity)),
                "user", userId, "aad", aadObjectId, "userName", userName, "conversation", conversationId,
                "requestId", requestId, "activityId", activityId));
    }

    /**
     * A message edited or deleted in Teams: if it was a lesson, the lesson follows. Both are idempotent in the core
     * (an edit to the text the lesson has, a deletion of a deleted lesson, change nothing), so Teams sending one again
     * needs no request id; and every edit of a message carries the same activity id, which could not tell two apart.
     */
    private void changed(JsonNode activity, String conversationId, String activityId, String userId,
                         String aadObjectId, String userName) {
        if (activityId == null) {
            return;
        }
        String ref = sourceRef(conversationId, activityId);
        if (activity.path("type").asText().equals("messageDelete")) {
            work.submit(InboxWork.of(LESSON_DELETED, "ref", ref, "user", userId, "aad", aadObjectId, "userName", userName));
            return;
        }
        String text = commandText(activity);
        if (text != null && !text.isBlank()) {
            work.submit(InboxWork.of(LESSON_EDITED, "ref", ref, "text", text, "user", userId, "aad", aadObjectId,
                    "userName", userName));
        }
    }

    @Override
    public String platform() {
        return TeamsDeliverer.PLATFORM;
    }

    /** The work an activity asked for: when it was acknowledged, or again after a crash. */
    @Override
    public void run(InboxWork task) {
        switch (task.kind()) {
            case COMMAND -> {
                boolean typed = Boolean.parseBoolean(task.get("typed"));
                String activityId = task.get("activityId");
                String conversationId = task.get("conversation");
                SourceMessage source = typed && activityId != null
                        ? new SourceMessage(sourceRef(conversationId, activityId), activityId, null) : null;
                handle(task.get("text"), typed, task.get("user"), task.get("aad"), task.get("userName"), conversationId,
                        task.get("requestId"), source);
            }
            case LESSON_EDITED -> lessons.edited(task.get("ref"), task.get("text"), actorOf(task), null);
            case LESSON_DELETED -> lessons.deleted(task.get("ref"), actorOf(task), null);
            default -> throw new IllegalArgumentException("not a kind of Teams work: " + task.kind());
        }
    }

    /** A Teams message is known by its conversation (a channel thread, a chat) and its activity id. */
    static String sourceRef(String conversationId, String activityId) {
        return TeamsDeliverer.PLATFORM + ":" + conversationId + ":" + activityId;
    }

    /**
     * A card's Action.Submit carries {@code {"command": "..."}} (and the reason a Skip card asked for); a typed
     * message has Warroom's mention stripped and people's mentions written as the core knows them.
     */
    String commandText(JsonNode activity) {
        if (isCardSubmit(activity)) {
            String command = activity.path("value").path("command").asText().strip();
            String reason = text(activity.path("value").path(AdaptiveCards.REASON_INPUT));
            return reason == null ? command : command + " " + reason.strip();
        }
        String text = text(activity.path("text"));
        if (text == null) {
            return null;
        }
        String withoutMentions = MENTION.matcher(withPeople(activity, text)).replaceAll(" ")
                .replace("&nbsp;", " ").replace('\u00a0', ' ').strip();
        return INCIDENT_PREFIX.matcher(withoutMentions).replaceFirst("").strip();
    }

    /**
     * Teams writes a mention as {@code <at>Name</at>} with a mention entity naming the user; the core knows people
     * as {@code @<plan id>}. Channel mentions carry the Teams user id but rarely the AAD object id the plans list,
     * so a mentioned user no contact matches is the plan person of that exact name, if only one has it.
     */
    private String withPeople(JsonNode activity, String text) {
        String bot = text(activity.path("recipient").path("id"));
        String result = text;
        for (JsonNode entity : activity.path("entities")) {
            JsonNode mentioned = entity.path("mentioned");
            String written = text(entity.path("text"));
            String userId = text(mentioned.path("id"));
            if (!"mention".equals(entity.path("type").asText()) || written == null || userId == null
                    || userId.equals(bot)) {
                continue;
            }
            String name = text(mentioned.path("name"));
            String person = planPerson(userId, text(mentioned.path("aadObjectId")))
                    .or(() -> onlyPersonNamed(name))
                    .map(Plan.Person::id)
                    .orElse(name != null ? name.replaceAll("\\s+", "") : userId);
            result = result.replace(written, "@" + person);
        }
        return result;
    }

    private void handle(String text, boolean typed, String userId, String aadObjectId, String userName,
                        String conversationId, String requestId, SourceMessage source) {
        try {
            String channelName = QuarkusTransaction.requiringNew().call(() ->
                    ChatConversation.name(TeamsDeliverer.PLATFORM, conversationId).orElse(conversationId));
            String command = typed && !CommandParser.startsWithCommand(text) && isLessonsConversation(conversationId)
                    ? CommandParser.lessonReply(text) : text;
            commands.handle(new CommandRequest(command, actor(userId, aadObjectId, userName), TeamsDeliverer.PLATFORM,
                    channelName, requestId, source));
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

    private Actor actorOf(InboxWork task) {
        return actor(task.get("user"), task.get("aad"), task.get("userName"));
    }

    /** A Teams user is a plan person when a plan lists their AAD object id or Teams user id as a teams contact. */
    private Actor actor(String userId, String aadObjectId, String userName) {
        return planPerson(userId, aadObjectId)
                .map(p -> Actor.person(p.id(), p.name()))
                .orElseGet(() -> Actor.stranger(userName != null && !userName.isBlank() ? userName
                        : userId != null ? userId : "someone on Teams"));
    }

    private Optional<Plan.Person> planPerson(String userId, String aadObjectId) {
        return plans.people().stream()
                .filter(p -> p.contact(Plan.Contact.Kind.TEAMS)
                        .filter(c -> c.equalsIgnoreCase(String.valueOf(aadObjectId)) || c.equals(userId)).isPresent())
                .findFirst();
    }

    private Optional<Plan.Person> onlyPersonNamed(String name) {
        List<Plan.Person> named = plans.people().stream().filter(p -> p.name().equalsIgnoreCase(String.valueOf(name)))
                .toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    /**
     * The team channel a conversation is in: named in channelData for messages; when Warroom is added to a team,
     * Teams names only the team, and the conversation (of type channel) is the team's General channel itself.
     */
    static String teamChannel(JsonNode activity, String conversationId, String conversationType) {
        String named = text(activity.path("channelData").path("channel").path("id"));
        if (named != null || !"channel".equals(conversationType)) {
            return named;
        }
        int thread = conversationId.indexOf(TeamsConversation.THREAD_ROOT);
        return thread < 0 ? conversationId : conversationId.substring(0, thread);
    }

    private static boolean isCardSubmit(JsonNode activity) {
        JsonNode submitted = activity.path("value").path("command");
        return submitted.isTextual() && !submitted.asText().isBlank();
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() || node.asText().isBlank() ? null : node.asText();
    }
}
