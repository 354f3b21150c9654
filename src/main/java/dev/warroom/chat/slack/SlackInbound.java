package dev.warroom.chat.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import com.slack.api.model.view.View;
import dev.warroom.chat.AcknowledgedWork;
import dev.warroom.chat.ChatConversation;
import dev.warroom.chat.ChatMessageRef;
import dev.warroom.chat.InboxWork;
import dev.warroom.chat.InboxWorkRunner;
import dev.warroom.chat.WorkRefused;
import dev.warroom.command.Actor;
import dev.warroom.command.Button;
import dev.warroom.command.CommandParser;
import dev.warroom.command.CommandRequest;
import dev.warroom.command.SourceMessage;
import dev.warroom.incident.IncidentCommandService;
import dev.warroom.incident.IncidentMessages;
import dev.warroom.incident.LessonEdits;
import dev.warroom.plan.Plan;
import dev.warroom.plan.PlanRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The Bolt app: one listener per kind of Slack request, each acknowledging at once and handing the
 * work to a worker thread, so Slack's 3-second limit never waits on the database or Slack's API.
 * When too much work waits already, or Warroom is shutting down, {@link WorkRefused} leaves Bolt (which runs
 * without middleware and does not catch it) and the endpoint answers 503: the request is not taken, and Slack re-sends events.
 */
@ApplicationScoped
public class SlackInbound implements InboxWorkRunner {

    static final String COMMAND = "slack.command";
    static final String THREAD_REPLY = "slack.thread-reply";
    static final String LESSON_EDITED = "slack.lesson-edited";
    static final String LESSON_DELETED = "slack.lesson-deleted";

    private static final Logger LOG = Logger.getLogger(SlackInbound.class);
    private static final Pattern MENTION = Pattern.compile("<@([A-Z0-9]+)(\\|([^>]*))?>");

    @Inject
    SlackSettings settings;
    @Inject
    SlackApi api;
    @Inject
    IncidentCommandService commands;
    @Inject
    PlanRegistry plans;
    @Inject
    AcknowledgedWork work;
    @Inject
    LessonEdits lessons;
    @Inject
    BotIdentity bot;

    private App app;
    private SlackRequestReader reader;

    @PostConstruct
    void init() {
        AppConfig config = AppConfig.builder()
                .signingSecret(settings.signingSecret())
                .slack(api.slack())
                .build();
        // No Bolt middleware: the signature is checked before Bolt with Warroom's clock
        // (SlackRequestVerifier), and Bolt's single-team authorization would call auth.test on every request.
        app = new App(config, api.slack(), List.of());
        app.command("/incident", this::onCommand);
        app.blockAction(SlackBlocks.ACTION_ID_PATTERN, this::onButton);
        app.viewSubmission(SlackBlocks.DECLARE_CALLBACK_ID, this::onDeclareForm);
        app.viewSubmission(SlackBlocks.SKIP_CALLBACK_ID, this::onSkipReason);
        app.event(MessageEvent.class, this::onMessage);
        app.event(MessageThreadBroadcastEvent.class, this::onThreadBroadcast);
        app.event(MessageChangedEvent.class, this::onMessageChanged);
        app.event(MessageDeletedEvent.class, this::onMessageDeleted);
        app.event(AppMentionEvent.class, this::onMention);
        reader = new SlackRequestReader(config);
    }

    App app() {
        return app;
    }

    SlackRequestReader reader() {
        return reader;
    }

    private Response onCommand(SlashCommandRequest request, SlashCommandContext context) {
        SlashCommandPayload payload = request.getPayload();
        if (isBlank(payload.getChannelId()) || isBlank(payload.getUserId()) || isBlank(payload.getTriggerId())) {
            return malformed("a slash command needs channel_id, user_id and trigger_id");
        }
        IdLimits.require("channel_id", payload.getChannelId(), "user_id", payload.getUserId(),
                "trigger_id", payload.getTriggerId());
        String text = payload.getText() == null ? "" : payload.getText().strip();
        if (text.equalsIgnoreCase("declare")) {
            return later(() -> openDeclareForm(payload.getTriggerId(), payload.getChannelId()), context::ack);
        }
        return later(command(text, payload.getUserId(), payload.getUserName(), payload.getChannelId(),
                "slack:" + payload.getTriggerId()), context::ack);
    }

    private Response onButton(BlockActionRequest request, ActionContext context) {
        BlockActionPayload payload = request.getPayload();
        String channel = payload.getChannel() != null ? payload.getChannel().getId()
                : payload.getContainer() != null ? payload.getContainer().getChannelId() : null;
        if (isBlank(channel) || payload.getUser() == null || isBlank(payload.getUser().getId())
                || isBlank(payload.getTriggerId()) || payload.getActions() == null) {
            return malformed("a button press needs its channel, user, trigger_id and actions");
        }
        IdLimits.require("channel", channel, "user", payload.getUser().getId(), "trigger_id", payload.getTriggerId());
        for (BlockActionPayload.Action action : payload.getActions()) {
            IdLimits.require("action_ts", action.getActionTs());
        }
        List<Runnable> modals = new ArrayList<>();
        List<InboxWork> presses = new ArrayList<>();
        for (BlockActionPayload.Action action : payload.getActions()) {
            if (Button.asksReason(action.getValue())) { // the reason is asked in a modal
                modals.add(() -> openModal(payload.getTriggerId(), SlackBlocks.skipReasonModal(action.getValue(), channel)));
            } else {
                presses.add(command(action.getValue(), payload.getUser().getId(), payload.getUser().getUsername(), channel,
                        "slack:" + payload.getTriggerId() + ":" + action.getActionTs()));
            }
        }
        presses.forEach(this::ask);
        modals.forEach(this::ask);
        return context.ack();
    }

    private Response onDeclareForm(ViewSubmissionRequest request, ViewSubmissionContext context) {
        ViewSubmissionPayload payload = request.getPayload();
        SlackBlocks.DeclareForm form = SlackBlocks.readDeclareForm(payload.getView().getState());
        Map<String, String> errors = DeclareFormCheck.errors(form, plans);
        if (!errors.isEmpty()) {
            return context.ackWithErrors(errors);
        }
        String command = "declare " + form.service() + " " + form.severity()
                + (form.incidentType() == null ? "" : " type=" + form.incidentType()) + " " + form.title().strip();
        String channel = Optional.ofNullable(payload.getView().getPrivateMetadata()).filter(c -> !c.isBlank())
                .orElse(payload.getUser().getId());
        requireViewIds(payload, channel);
        return later(command(command, payload.getUser().getId(), payload.getUser().getUsername(), channel,
                "slack:view:" + payload.getView().getId() + ":" + payload.getView().getHash()), context::ack);
    }

    private Response onSkipReason(ViewSubmissionRequest request, ViewSubmissionContext context) {
        ViewSubmissionPayload payload = request.getPayload();
        String reason = SlackBlocks.readSkipReason(payload.getView().getState());
        if (reason == null) {
            return context.ackWithErrors(Map.of(SlackBlocks.REASON_BLOCK, "Say why the step is skipped."));
        }
        String[] metadata = payload.getView().getPrivateMetadata().split("\n", 2);
        String channel = metadata.length > 1 ? metadata[1] : payload.getUser().getId();
        requireViewIds(payload, channel);
        return later(command(metadata[0] + " " + reason, payload.getUser().getId(), payload.getUser().getUsername(),
                channel,
                "slack:view:" + payload.getView().getId() + ":" + payload.getView().getHash()), context::ack);
    }

    private static void requireViewIds(ViewSubmissionPayload payload, String channel) {
        IdLimits.require("user", payload.getUser().getId(), "channel", channel,
                "view_id", payload.getView().getId(), "view_hash", payload.getView().getHash());
    }

    private Response onMessage(EventsApiPayload<MessageEvent> payload, EventContext context) {
        MessageEvent event = payload.getEvent();
        // Only people's replies in a thread can be lessons; Warroom's own posts and edits are not.
        if (event.getBotId() != null || event.getSubtype() != null) {
            return context.ack();
        }
        return threadReply(new ThreadReply(event.getChannel(), event.getUser(), event.getText(), event.getTs(),
                event.getThreadTs()), payload.getEventId(), context);
    }

    /** A reply also sent to the channel ("Also send to #…") is still a reply in the thread. */
    private Response onThreadBroadcast(EventsApiPayload<MessageThreadBroadcastEvent> payload, EventContext context) {
        MessageThreadBroadcastEvent event = payload.getEvent();
        return threadReply(new ThreadReply(event.getChannel(), event.getUser(), event.getText(), event.getTs(),
                event.getThreadTs()), payload.getEventId(), context);
    }

    private Response threadReply(ThreadReply reply, String eventId, EventContext context) {
        IdLimits.require("channel", reply.channel(), "user", reply.user(), "ts", reply.ts(),
                "thread_ts", reply.threadTs(), "event_id", eventId);
        if (reply.threadTs() != null && !isBlank(reply.text()) && !isBlank(reply.channel()) && !isBlank(reply.user())) {
            return later(InboxWork.of(THREAD_REPLY, "channel", reply.channel(), "user", reply.user(), "text", reply.text(),
                    "ts", reply.ts(), "threadTs", reply.threadTs(), "eventId", eventId), context::ack);
        }
        return context.ack();
    }

    /** A person's message in a thread, whichever event brought it. */
    private record ThreadReply(String channel, String user, String text, String ts, String threadTs) {
    }

    /** An edit of a person's message: if it is a lesson, the lesson follows; other edits are ignored by the core. */
    private Response onMessageChanged(EventsApiPayload<MessageChangedEvent> payload, EventContext context) {
        MessageChangedEvent event = payload.getEvent();
        MessageChangedEvent.Message edited = event.getMessage();
        if (edited == null || edited.getBotId() != null || edited.getTs() == null || edited.getText() == null
                || edited.getText().isBlank()) {
            return context.ack();
        }
        IdLimits.require("channel", event.getChannel(), "user", edited.getUser(),
                "ts", edited.getTs(), "event_id", payload.getEventId());
        // A lesson typed as "@Warroom lesson …" is edited with the mention still in front.
        String text = addressesWarroom(edited.getText()) ? withoutMention(edited.getText()) : edited.getText().strip();
        return later(InboxWork.of(LESSON_EDITED, "ref", sourceRef(event.getChannel(), edited.getTs()),
                "text", withPeople(text), "user", edited.getUser(), "requestId", "slack:" + payload.getEventId()), context::ack);
    }

    private Response onMessageDeleted(EventsApiPayload<MessageDeletedEvent> payload, EventContext context) {
        MessageDeletedEvent event = payload.getEvent();
        if (event.getDeletedTs() == null) {
            return context.ack();
        }
        IdLimits.require("channel", event.getChannel(), "deleted_ts", event.getDeletedTs(),
                "event_id", payload.getEventId());
        // Slack does not say who deleted; the lesson's timeline entry then names its author.
        return later(InboxWork.of(LESSON_DELETED, "ref", sourceRef(event.getChannel(), event.getDeletedTs()),
                "requestId", "slack:" + payload.getEventId()), context::ack);
    }

    private Response onMention(EventsApiPayload<AppMentionEvent> payload, EventContext context) {
        AppMentionEvent event = payload.getEvent();
        IdLimits.require("channel", event.getChannel(), "user", event.getUser(),
                "ts", event.getTs(), "thread_ts", event.getThreadTs(), "event_id", payload.getEventId());
        if (event.getBotId() == null && !isBlank(event.getChannel()) && !isBlank(event.getUser())) {
            String text = event.getText() == null ? "" : event.getText();
            String withoutBot = withoutMention(text);
            return later(InboxWork.of(COMMAND, "text", withoutBot, "user", event.getUser(), "userName", null,
                    "channel", event.getChannel(), "requestId", "slack:" + payload.getEventId(), "ts", event.getTs(),
                    "threadTs", event.getThreadTs()), context::ack);
        }
        return context.ack();
    }

    private void lessonIfLessonsThread(ThreadReply reply, String eventId) {
        if (addressesWarroom(reply.text())) {
            return; // an "@Warroom …" reply also arrives as an app_mention, and is handled as a command there
        }
        boolean lessonsThread = QuarkusTransaction.requiringNew().call(() -> ChatMessageRef
                .keyOf(SlackDeliverer.PLATFORM, reply.channel(), reply.threadTs())
                .filter(IncidentMessages.LESSONS_KEY::equals).isPresent());
        if (lessonsThread) {
            handle(CommandParser.lessonReply(reply.text()), reply.user(), null, reply.channel(), "slack:" + eventId,
                    source(reply.channel(), reply.ts(), reply.threadTs()));
        }
    }

    private static String withoutMention(String text) {
        return text.replaceFirst("^\\s*<@[A-Z0-9]+(\\|[^>]*)?>", "").strip();
    }

    private boolean addressesWarroom(String text) {
        return bot.botUserId().filter(id -> text.strip().startsWith("<@" + id + ">") || text.strip().startsWith("<@" + id + "|"))
                .isPresent();
    }

    /** A Slack message is known by its channel and ts. */
    static String sourceRef(String channel, String ts) {
        return SlackDeliverer.PLATFORM + ":" + channel + ":" + ts;
    }

    private static SourceMessage source(String channel, String ts, String threadTs) {
        return ts == null ? null : new SourceMessage(sourceRef(channel, ts), ts, threadTs);
    }

    /** Refused before anything is queued: Slack always sends these fields, so a request without them is forged or broken. */
    private static Response malformed(String reason) {
        throw new MalformedSlackPayload(reason);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Acknowledges, the task asked for ({@link #ask(Runnable)}). */
    private Response later(Runnable task, Supplier<Response> ack) {
        ask(task);
        return ack.get();
    }

    /** Acknowledges, the work asked for ({@link #ask(InboxWork)}). */
    private Response later(InboxWork task, Supplier<Response> ack) {
        ask(task);
        return ack.get();
    }

    /** Bolt's answer to a request, and the work the request asked for, not yet taken. */
    record Asked(Response response, List<InboxWork> works, List<Runnable> tasks) {
    }

    /**
     * The work asked for by the request Bolt runs on this thread ({@link #handle(Request)}). A handler gives Bolt only
     * its response, and Bolt runs it on the caller's thread; this is how its work reaches the endpoint.
     */
    private static final ThreadLocal<Asked> ASKING = new ThreadLocal<>();

    /**
     * Runs the request through Bolt without taking its work: the caller stores and queues it ({@link
     * AcknowledgedWork#submitLater}) before it acknowledges, and answers 503 if it is not taken.
     */
    Asked handle(Request<?> request) throws Exception {
        Asked asked = new Asked(null, new ArrayList<>(), new ArrayList<>());
        ASKING.set(asked);
        try {
            return new Asked(app.run(request), asked.works(), asked.tasks());
        } finally {
            ASKING.remove();
        }
    }

    /**
     * Work to store before the ack: gathered for {@link #handle(Request)}'s caller, or, when Bolt runs a request
     * itself (Socket Mode), stored and queued at once; not taken, it throws {@link WorkRefused} and Bolt's ack
     * is not sent.
     */
    private void ask(InboxWork task) {
        Asked asking = ASKING.get();
        if (asking == null) {
            work.submit(task);
        } else {
            asking.works().add(task);
        }
    }

    /** Work pointless to keep past a crash (opening a form), queued like {@link #ask(InboxWork)}. */
    private void ask(Runnable task) {
        Asked asking = ASKING.get();
        if (asking == null) {
            work.submit(task);
        } else {
            asking.tasks().add(task);
        }
    }

    private static InboxWork command(String text, String userId, String userName, String channel, String requestId) {
        return InboxWork.of(COMMAND, "text", text, "user", userId, "userName", userName, "channel", channel,
                "requestId", requestId);
    }

    @Override
    public String platform() {
        return SlackDeliverer.PLATFORM;
    }

    /** The work a request asked for: when it was acknowledged, or again after a crash. */
    @Override
    public void run(InboxWork task) {
        switch (task.kind()) {
            case COMMAND -> handle(task.get("text"), task.get("user"), task.get("userName"), task.get("channel"),
                    task.get("requestId"), source(task.get("channel"), task.get("ts"), task.get("threadTs")));
            case THREAD_REPLY -> lessonIfLessonsThread(new ThreadReply(task.get("channel"), task.get("user"),
                    task.get("text"), task.get("ts"), task.get("threadTs")), task.get("eventId"));
            case LESSON_EDITED -> lessons.edited(task.get("ref"), task.get("text"),
                    task.get("user") == null ? null : actor(task.get("user"), null), task.get("requestId"));
            case LESSON_DELETED -> lessons.deleted(task.get("ref"), null, task.get("requestId"));
            default -> throw new IllegalArgumentException("not a kind of Slack work: " + task.kind());
        }
    }

    /** Runs a command; the incident channels Warroom opened are known to the core by their names. */
    private void handle(String text, String userId, String userName, String channel, String requestId,
                        SourceMessage source) {
        try {
            String channelName = QuarkusTransaction.requiringNew().call(() ->
                    ChatConversation.name(SlackDeliverer.PLATFORM, channel).orElse(channel));
            commands.handle(new CommandRequest(withPeople(text), actor(userId, userName), SlackDeliverer.PLATFORM,
                    channelName, requestId, source));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Slack command `%s` from %s could not be handled", text, userId);
        }
    }

    /** Slack writes mentions as {@code <@U123|name>}; the core knows people as {@code @<plan id>}. */
    private String withPeople(String text) {
        return MENTION.matcher(text).replaceAll(match -> {
            String userId = match.group(1);
            String name = planPerson(userId).map(Plan.Person::id)
                    .orElse(match.group(3) != null && !match.group(3).isBlank() ? match.group(3) : userId);
            return java.util.regex.Matcher.quoteReplacement("@" + name);
        });
    }

    /** A Slack user is a plan person when a plan lists their Slack id; anyone else may still declare. */
    private Actor actor(String userId, String userName) {
        return planPerson(userId)
                .map(p -> Actor.person(p.id(), p.name()))
                .orElseGet(() -> Actor.stranger(userName != null && !userName.isBlank() ? userName : userId));
    }

    /** The plan person whose slack: contact is this Slack user id. */
    private Optional<Plan.Person> planPerson(String userId) {
        return plans.people().stream()
                .filter(p -> p.contact(Plan.Contact.Kind.SLACK).filter(userId::equals).isPresent())
                .findFirst();
    }

    private void openDeclareForm(String triggerId, String channel) {
        List<SlackBlocks.PlanChoice> choices = plans.activePlans().stream()
                .map(p -> new SlackBlocks.PlanChoice(p.service(), List.copyOf(p.severities().keySet()),
                        p.incidentTypes().stream().map(Plan.IncidentType::name).toList()))
                .toList();
        openModal(triggerId, SlackBlocks.declareModal(choices, SlackBlocks.DECLARE_CALLBACK_ID, channel));
    }

    /** A modal must open within seconds of the click (its trigger expires), so it is not queued in the outbox. */
    private void openModal(String triggerId, View view) {
        try {
            var response = api.methods().viewsOpen(r -> r.triggerId(triggerId).view(view));
            if (!response.isOk()) {
                LOG.warnf("Slack: views.open failed: %s", response.getError());
            }
        } catch (Exception e) {
            LOG.warnf("Slack: views.open failed: %s", e.getMessage());
        }
    }
}
