package dev.warroom.chat.slack;

import com.slack.api.model.ResponseMetadata;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Slack lists by cursor: pages are read one after another until one holds what is looked for, or none is left. */
final class SlackPages {

    /** Slack's clock and this machine's may differ a little: "made since" looks this much further back. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    record Page<T>(List<T> items, ResponseMetadata more) {
    }

    @FunctionalInterface
    interface Reader<T> {
        Page<T> read(String cursor) throws Exception;
    }

    private SlackPages() {
    }

    /** The first item wanted within the first {@code maxPages} pages (a bound on a huge workspace's search). */
    static <T> Optional<T> findFirst(int maxPages, Reader<T> reader, Predicate<T> wanted) throws Exception {
        String cursor = null;
        for (int page = 0; page < maxPages; page++) {
            Page<T> read = reader.read(cursor);
            Optional<T> found = read.items() == null ? Optional.empty() : read.items().stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found;
            }
            cursor = read.more() == null ? null : read.more().getNextCursor();
            if (cursor == null || cursor.isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
