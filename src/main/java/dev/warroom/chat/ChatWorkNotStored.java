package dev.warroom.chat;

/**
 * The database did not take the work behind a chat request (it does not answer, or refused the row), so the request
 * is not acknowledged: 503, and the platform or the person sends it again once the database is back.
 */
public class ChatWorkNotStored extends WorkRefused {

    public static final String MESSAGE = "Warroom could not store this request: its database did not take it. "
            + "Nothing of it was done; send it again in a moment.";

    public ChatWorkNotStored(Throwable cause) {
        super("unstored", MESSAGE, cause);
    }
}
