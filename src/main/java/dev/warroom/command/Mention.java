package dev.warroom.command;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plan person named in a message so that each platform can notify them: the core writes {@code @{alice}} in the
 * text, and each deliverer renders it its own way (Slack {@code <@U…>}, a Teams mention, the local {@code @alice}).
 */
public final class Mention {

    private static final Pattern MARK = Pattern.compile("@\\{([A-Za-z0-9][A-Za-z0-9._-]*)}");

    private Mention() {
    }

    public static String of(String person) {
        return "@{" + person + "}";
    }

    /** The people the text mentions, in order, each once. */
    public static java.util.List<String> people(String text) {
        java.util.Set<String> people = new java.util.LinkedHashSet<>();
        if (text != null) {
            MARK.matcher(text).results().forEach(match -> people.add(match.group(1)));
        }
        return java.util.List.copyOf(people);
    }

    /** The text with every mention replaced by what {@code rendering} makes of the person's id. */
    public static String render(String text, Function<String, String> rendering) {
        if (text == null) {
            return null;
        }
        Matcher matcher = MARK.matcher(text);
        return matcher.replaceAll(match -> Matcher.quoteReplacement(rendering.apply(match.group(1))));
    }
}
