package dev.warroom.chat;

/**
 * This instance has been told to stop (SIGTERM): it finishes the work it acknowledged but takes no more, so a
 * platform that re-sends the request reaches another instance (or this one after its restart).
 */
public class ShuttingDown extends WorkRefused {

    public static final String MESSAGE = "Warroom is shutting down: this request was not taken and nothing of it "
            + "was done or stored; send it again in a moment.";

    public ShuttingDown() {
        super("stopping", MESSAGE);
    }
}
