package dev.warroom.chat.local;

/** Something a local chat user asked that cannot be done (a message not theirs, not there): answered with a status. */
public class LocalChatMistake extends RuntimeException {

    private final int status;

    public LocalChatMistake(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
