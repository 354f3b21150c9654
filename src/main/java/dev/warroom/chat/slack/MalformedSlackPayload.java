package dev.warroom.chat.slack;

/**
 * A signed Slack request Warroom cannot take (a field missing or too long): refused whole with 400 before anything
 * is stored. Thrown, not returned, because Bolt answers an event handler's non-200 response with its own 404.
 */
class MalformedSlackPayload extends RuntimeException {

    MalformedSlackPayload(String reason) {
        super("malformed Slack payload: " + reason, null, false, false);
    }
}
