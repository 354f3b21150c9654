package dev.warroom.chat.slack;

/**
 * The longest Slack id Warroom takes. Slack's ids are short (a channel or user id about a dozen characters, a ts 17,
 * a trigger id about 60); a request with a longer one is refused whole, before it is acknowledged, rather than
 * failing in the database afterwards (request ids and outbox destinations are bounded columns).
 */
final class IdLimits {

    static final int TRIGGER_ID = 100;
    static final int OTHER_IDS = 50;

    private IdLimits() {
    }

    /** Given as name, value, name, value...: refuses the request at the first value over its limit. */
    static void require(String... namesAndValues) {
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            String name = namesAndValues[i];
            String value = namesAndValues[i + 1];
            int limit = name.equals("trigger_id") ? TRIGGER_ID : OTHER_IDS;
            if (value != null && value.length() > limit) {
                throw new MalformedSlackPayload(name + " is longer than " + limit + " characters");
            }
        }
    }
}
