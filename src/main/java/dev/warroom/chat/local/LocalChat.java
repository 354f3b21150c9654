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
        LocalMessage message = key == null ? null : LocalMessage.keyed(channel, key).orElse(null);
        if (message == null) {
            message = new LocalMessage();
            message.channel = channel;
            message.user = user;
            message.key = key;
            message.ts = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // what PostgreSQL keeps
        }
        message.text = text;
        message.buttons = buttons.isEmpty() ? null : write(buttons);
        message.persist();
        LocalMessageView view = view(message);
        posted.fire(new LocalMessagePosted(view));
        return view;
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
        return new LocalMessageView(message.id, message.channel, message.user, message.text, message.ts,
                message.buttons == null ? List.of() : read(message.buttons));
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
