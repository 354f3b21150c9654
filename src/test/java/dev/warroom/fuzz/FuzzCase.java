package dev.warroom.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One input sent to an endpoint. {@code authentic}: it carries valid credentials (a correct Slack signature, a
 * valid Bot Framework token, the alert token), so it may change stored state; an inauthentic case must be refused
 * with {@code 401} and change nothing.
 */
record FuzzCase(String kind, byte[] body, Map<String, String> headers, boolean authentic) {

    static FuzzCase of(String kind, String body, Map<String, String> headers, boolean authentic) {
        return new FuzzCase(kind, body.getBytes(StandardCharsets.UTF_8), headers, authentic);
    }

    /** The case as a reader can see it in a failure message: escaped and cut short. */
    String shown() {
        String text = new String(body, StandardCharsets.UTF_8);
        StringBuilder shown = new StringBuilder();
        text.codePoints().limit(300).forEach(c -> {
            if (c < 0x20 || (c >= 0xd800 && c <= 0xdfff) || c == 0xfffd) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return kind + " " + headers.keySet() + " (" + body.length + " bytes) " + shown
                + (text.length() > 300 ? "…" : "");
    }
}
