package dev.warroom.chat;

import java.util.Arrays;

/**
 * The ids of stored work waiting beyond the work queue, oldest first. Only ids: the work itself is in
 * {@code chat_inbox} and is read back when there is room. In one array of longs, so that a burst of a hundred
 * thousand requests is one object, not a hundred thousand new ones the young collections must copy as they arrive
 * (bench/README.md, round 11).
 */
final class StoredBacklog {

    private final int limit;
    private long[] ids = new long[64];
    private int head;
    private int size;

    StoredBacklog(int limit) {
        this.limit = limit;
    }

    /** False when the backlog is full, and then the id is not kept. */
    synchronized boolean add(long id) {
        if (size >= limit) {
            return false;
        }
        if (size == ids.length) {
            grow();
        }
        ids[(head + size) % ids.length] = id;
        size++;
        return true;
    }

    /** Up to {@code count} of the oldest ids, left in the backlog. */
    synchronized long[] oldest(int count) {
        long[] oldest = new long[Math.min(count, size)];
        for (int i = 0; i < oldest.length; i++) {
            oldest[i] = ids[(head + i) % ids.length];
        }
        return oldest;
    }

    /** Takes out the oldest id, which the caller read with {@link #oldest}. */
    synchronized void dropOldest() {
        if (size == 0) {
            throw new IllegalStateException("the backlog is empty");
        }
        head = (head + 1) % ids.length;
        size--;
    }

    synchronized int size() {
        return size;
    }

    synchronized boolean hasRoom() {
        return size < limit;
    }

    synchronized boolean isEmpty() {
        return size == 0;
    }

    synchronized long[] all() {
        return oldest(size);
    }

    synchronized void clear() {
        ids = new long[64];
        head = 0;
        size = 0;
    }

    private void grow() {
        long[] grown = Arrays.copyOf(oldest(size), Math.max(64, Math.min(ids.length * 2, limit)));
        ids = grown;
        head = 0;
    }
}
