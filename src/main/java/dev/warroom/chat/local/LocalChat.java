package dev.warroom.chat.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warroom.command.Button;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Stores local chat messages and streams them to open pages once committed. */
@ApplicationScoped
public class LocalChat {

    private static final TypeReference<List<Button>> BUTTONS = new TypeReference<>() {};
    private static final int LIVE_BUFFER = 1000;

    private final BroadcastProcessor<LocalMessageView> live = BroadcastProcessor.create();

    @Inject
    Clock clock;
    @Inject
    ObjectMapper json;
    @Inject
    Event<LocalMessagePosted> posted;

    @Transactional
    public LocalMessageView post(String channel, String user, String text, List<Button> buttons) {
        return post(channel, user, text, buttons, null);
    }

    /**
     * Posts a message; with a key, a message with the same key in the channel is replaced in place
     * (it keeps its id and place, and is pushed live again with its new text).
     */
    @Transactional
    public LocalMessageView post(String channel, String user, String text, List<Button> buttons, String key) {
        return post(channel, user, text, buttons, key, null);
    }

    /** Posts a message, as a reply in the thread of message {@code parent} when that is not null. */
    @Transactional
    public LocalMessageView post(String channel, String user, String text, List<Button> buttons, String key, Long parent) {
        LocalMessage message = key == null ? null : LocalMessage.keyed(channel, key).orElse(null);
        if (message == null) {
            message = new LocalMessage();
            message.channel = channel;
            message.user = user;
            message.key = key;
            message.parentId = parent;
            message.ts = now();
        }
        message.text = text;
        message.buttons = buttons.isEmpty() ? null : write(buttons);
        message.persist();
        return pushed(message);
    }

    /** The message a new reply to {@code id} in {@code channel} goes under: the first message of its thread. */
    @Transactional
    public java.util.Optional<Long> threadOf(String channel, long id) {
        return LocalMessage.<LocalMessage>findByIdOptional(id).filter(m -> m.channel.equals(channel))
                .map(m -> m.parentId != null ? m.parentId : m.id);
    }

    /** Whether message {@code id} is the one Warroom keeps under {@code key} (e.g. the lessons-learned post). */
    @Transactional
    public boolean isKept(long id, String key) {
        return LocalMessage.<LocalMessage>findByIdOptional(id).filter(m -> key.equals(m.key)).isPresent();
    }

    /** The writer changes their message's text; the changed message is pushed live again. */
    @Transactional
    public LocalMessageView edit(long id, String user, String text) {
        LocalMessage message = ownMessage(id, user);
        message.text = text;
        message.editedAt = now();
        return pushed(message);
    }

    /** The writer deletes their message: it shows as deleted, and its row is kept. */
    @Transactional
    public LocalMessageView delete(long id, String user) {
        LocalMessage message = ownMessage(id, user);
        message.deletedAt = now();
        return pushed(message);
    }

    private LocalMessage ownMessage(long id, String user) {
        LocalMessage message = LocalMessage.<LocalMessage>findByIdOptional(id).filter(m -> m.deletedAt == null)
                .orElseThrow(() -> new LocalChatMistake(404, "there is no message " + id));
        if (!message.user.equals(user)) {
            throw new LocalChatMistake(403, "only " + message.user + " may change message " + id);
        }
        return message;
    }

    private LocalMessageView pushed(LocalMessage message) {
        LocalMessageView view = view(message);
        posted.fire(new LocalMessagePosted(view));
        return view;
    }

    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // what PostgreSQL keeps
    }

    public List<LocalMessageView> after(String channel, long afterId) {
        return LocalMessage.after(channel, afterId).stream().map(this::view).toList();
    }

    /**
     * Every committed message, per subscriber buffered: a command posts a burst of messages faster
     * than an SSE connection requests them, and a bare broadcast would fail the stream.
     */
    public Multi<LocalMessageView> live() {
        return live.onOverflow().buffer(LIVE_BUFFER);
    }

    void push(@Observes(during = TransactionPhase.AFTER_SUCCESS) LocalMessagePosted event) {
        live.onNext(event.message());
    }

    private LocalMessageView view(LocalMessage message) {
        boolean deleted = message.deletedAt != null;
        return new LocalMessageView(message.id, message.channel, message.user, deleted ? "" : message.text, message.ts,
                message.buttons == null || deleted ? List.of() : read(message.buttons), message.parentId, message.editedAt,
                deleted);
    }

    private String write(List<Button> buttons) {
        try {
            return json.writeValueAsString(buttons);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Button> read(String buttons) {
        try {
            return json.readValue(buttons, BUTTONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
