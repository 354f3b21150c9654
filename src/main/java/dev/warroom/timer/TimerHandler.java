package dev.warroom.timer;

import java.time.Instant;

/**
 * What happens when a timer of one kind fires. {@link #fire} runs in the firing's own transaction, after the firing
 * was claimed; it re-reads its subject and does nothing when the condition no longer holds.
 */
public interface TimerHandler {

    /** The timer kind this handler answers, e.g. {@code ack}. */
    String kind();

    /**
     * Locks the subject as the commands that set its timers do, first thing in the firing's transaction: the timer row
     * is locked after it, in the same order as in those commands, so a firing and a command never deadlock.
     */
    default void lock(String subject) {
    }

    void fire(String subject, Instant due);

    /** After the firing committed, e.g. to deliver the messages it queued. */
    default void afterCommit() {
    }

    /** How logs name the subject, e.g. {@code INC-12}; runs in a transaction. */
    default String describe(String subject) {
        return subject;
    }
}
