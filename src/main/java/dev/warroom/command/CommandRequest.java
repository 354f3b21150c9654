package dev.warroom.command;

/**
 * A command as an adapter hands it to the core: the text typed, who typed it, the platform and
 * channel it came from (replies go there), the platform's id for the request so a retry is
 * handled once (may be null), and the chat message it was typed in (null for slash commands and buttons).
 */
public record CommandRequest(String text, Actor actor, String platform, String channel, String requestId,
                             SourceMessage source) {

    public CommandRequest(String text, Actor actor, String platform, String channel, String requestId) {
        this(text, actor, platform, channel, requestId, null);
    }

    /** An answer to this request: in the thread the command was typed in, if any. */
    public Message answer(Message message) {
        return source == null ? message : message.inThread(source.thread());
    }
}
