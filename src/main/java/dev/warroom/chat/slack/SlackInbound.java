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
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.view.View;
import dev.warroom.chat.AcknowledgedWork;
import dev.warroom.chat.ChatConversation;
import dev.warroom.chat.ChatMessageRef;
import dev.warroom.chat.WorkQueueFull;
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
 * When too much work waits already, {@link WorkQueueFull} leaves Bolt (which runs without middleware and does
 * not catch it) and the endpoint answers 503: the request is not taken, and Slack re-sends events.
 */
@ApplicationScoped
public class SlackInbound {

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
    private SlackRequestParser parser;

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
        app.event(MessageChangedEvent.class, this::onMessageChanged);
        app.event(MessageDeletedEvent.class, this::onMessageDeleted);
        app.event(AppMentionEvent.class, this::onMention);
        parser = new SlackRequestParser(config);
    }

    App app() {
        return app;
    }

    SlackRequestParser parser() {
        return parser;
    }

    private Response onCommand(SlashCommandRequest request, SlashCommandContext context) {
        SlashCommandPayload payload = request.getPayload();
        if (isBlank(payload.getChannelId()) || isBlank(payload.getUserId()) || isBlank(payload.getTriggerId())) {
            return malformed("a slash command needs channel_id, user_id and trigger_id");
        }
        String text = payload.getText() == null ? "" : payload.getText().strip();
        if (text.equalsIgnoreCase("declare")) {
            return later(() -> openDeclareForm(payload.getTriggerId(), payload.getChannelId()), context::ack);
        }
        return later(handling(text, payload.getUserId(), payload.getUserName(), payload.getChannelId(),
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
        List<Runnable> presses = new ArrayList<>();
        for (BlockActionPayload.Action action : payload.getActions()) {
            if (Button.asksReason(action.getValue())) { // the reason is asked in a modal
                presses.add(() -> openModal(payload.getTriggerId(), SlackBlocks.skipReasonModal(action.getValue(), channel)));
            } else {
                presses.add(handling(action.getValue(), payload.getUser().getId(), payload.getUser().getUsername(), channel,
                        "slack:" + payload.getTriggerId() + ":" + action.getActionTs()));
            }
        }
        return later(() -> presses.forEach(Runnable::run), context::ack);
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
        return later(handling(command, payload.getUser().getId(), payload.getUser().getUsername(), channel,
                "slack:view:" + payload.getView().getId() + ":" + payload.getView().getHash()), context::ack);
    }

    private Response onSkipReason(ViewSubmissionRequest request, ViewSubmissionContext context) {
        ViewSubmissionPayload payload = request.getPayload();
        String reason = SlackBlocks.readSkipReason(payload.getView().getState());
        if (reason == null) {
            return context.ackWithErrors(Map.of(SlackBlocks.REASON_BLOCK, "Say why the step is skipped."));
        }
        String[] metadata = payload.getView().getPrivateMetadata().split("\n", 2);
        return later(handling(metadata[0] + " " + reason, payload.getUser().getId(), payload.getUser().getUsername(),
                metadata.length > 1 ? metadata[1] : payload.getUser().getId(),
                "slack:view:" + payload.getView().getId() + ":" + payload.getView().getHash()), context::ack);
    }

    private Response onMessage(EventsApiPayload<MessageEvent> payload, EventContext context) {
        MessageEvent event = payload.getEvent();
        // Only people's replies in a thread can be lessons; Warroom's own posts and edits are not.
        if (event.getBotId() == null && event.getSubtype() == null && event.getThreadTs() != null
                && !isBlank(event.getText()) && !isBlank(event.getChannel()) && !isBlank(event.getUser())) {
            return later(() -> lessonIfLessonsThread(event, payload.getEventId()), context::ack);
        }
        return context.ack();
    }

    /** An edit of a person's message: if it is a lesson, the lesson follows; other edits are ignored by the core. */
    private Response onMessageChanged(EventsApiPayload<MessageChangedEvent> payload, EventContext context) {
        MessageChangedEvent event = payload.getEvent();
        MessageChangedEvent.Message edited = event.getMessage();
        if (edited == null || edited.getBotId() != null || edited.getTs() == null || edited.getText() == null
                || edited.getText().isBlank()) {
            return context.ack();
        }
        // A lesson typed as "@Warroom lesson …" is edited with the mention still in front.
        String text = addressesWarroom(edited.getText()) ? withoutMention(edited.getText()) : edited.getText().strip();
        return later(() -> lessons.edited(sourceRef(event.getChannel(), edited.getTs()), withPeople(text),
                edited.getUser() == null ? null : actor(edited.getUser(), null), "slack:" + payload.getEventId()),
                context::ack);
    }

    private Response onMessageDeleted(EventsApiPayload<MessageDeletedEvent> payload, EventContext context) {
        MessageDeletedEvent event = payload.getEvent();
        if (event.getDeletedTs() == null) {
            return context.ack();
        }
        // Slack does not say who deleted; the lesson's timeline entry then names its author.
        return later(() -> lessons.deleted(sourceRef(event.getChannel(), event.getDeletedTs()), null,
                "slack:" + payload.getEventId()), context::ack);
    }

    private Response onMention(EventsApiPayload<AppMentionEvent> payload, EventContext context) {
        AppMentionEvent event = payload.getEvent();
        if (event.getBotId() == null && !isBlank(event.getChannel()) && !isBlank(event.getUser())) {
            String text = event.getText() == null ? "" : event.getText();
            String withoutBot = withoutMention(text);
            SourceMessage source = source(event.getChannel(), event.getTs(), event.getThreadTs());
            return later(() -> handle(withoutBot, event.getUser(), null, event.getChannel(), "slack:" + payload.getEventId(),
                    source), context::ack);
        }
        return context.ack();
    }

    private void lessonIfLessonsThread(MessageEvent event, String eventId) {
        if (addressesWarroom(event.getText())) {
            return; // an "@Warroom …" reply also arrives as an app_mention, and is handled as a command there
        }
        boolean lessonsThread = QuarkusTransaction.requiringNew().call(() -> ChatMessageRef
                .keyOf(SlackDeliverer.PLATFORM, event.getChannel(), event.getThreadTs())
                .filter(IncidentMessages.LESSONS_KEY::equals).isPresent());
        if (lessonsThread) {
            handle(CommandParser.lessonReply(event.getText()), event.getUser(), null, event.getChannel(), "slack:" + eventId,
                    source(event.getChannel(), event.getTs(), event.getThreadTs()));
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
        return Response.builder().statusCode(400).contentType("application/json; charset=utf-8")
                .body("{\"error\":\"malformed Slack payload: " + reason + "\"}").build();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Acknowledges once the work is queued; a full queue throws {@link WorkQueueFull} (to the endpoint: 503). */
    private Response later(Runnable task, Supplier<Response> ack) {
        work.submit(task);
        return ack.get();
    }

    private Runnable handling(String text, String userId, String userName, String channel, String requestId) {
        return () -> handle(text, userId, userName, channel, requestId, null);
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
