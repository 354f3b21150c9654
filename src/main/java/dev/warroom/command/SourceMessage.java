package dev.warroom.command;

/**
 * The chat message a command came from, as its platform knows it: so an answer can go beside it and a lesson can
 * follow the message's edits.
 *
 * @param ref    unique across platforms and channels, e.g. {@code slack:C0INC1:1764061300.000100}; kept with a lesson
 * @param id     the platform's own id of the message (Slack's ts, a local message id), to mark it as answered
 * @param thread the platform's id of the thread the message is in (its root), or null for a top-level message
 */
public record SourceMessage(String ref, String id, String thread) {

    public boolean inThread() {
        return thread != null;
    }
}
