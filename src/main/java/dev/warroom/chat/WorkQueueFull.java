package dev.warroom.chat;

/**
 * The work behind a chat request cannot be taken now: as many requests wait as {@code WARROOM_CHAT_WORK_QUEUE} and
 * {@code WARROOM_CHAT_WORK_BACKLOG} allow. The request was not acknowledged and nothing of it was done or stored;
 * the adapter answers 503.
 */
public class WorkQueueFull extends WorkRefused {

    /** What the platform (and whoever reads its logs) is told; a chat platform re-sends what was refused. */
    public static final String MESSAGE = "Warroom is busy: too many requests are waiting. This one was not taken "
            + "and nothing of it was done or stored; send it again in a moment.";

    public WorkQueueFull() {
        super("busy", MESSAGE);
    }
}
