package dev.warroom.timer;

import java.time.Instant;

/**
 * What happens when a timer of one kind fires. {@link #fire} runs in the firing's own transaction, after the firing
 * was claimed; it re-reads its subject and does nothing when the condition no longer holds.
 */
public interface TimerHandler {

    /** The timer kind this handler answers, e.g. {@code ack}. */
    String kind();

    void fire(String subject, Instant due);

    /** After the firing committed, e.g. to deliver the messages it queued. */
    default void afterCommit() {
    }
}
