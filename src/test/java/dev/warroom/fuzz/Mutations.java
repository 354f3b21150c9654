package dev.warroom.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded mutations of a valid input: the broken shapes that reach a public endpoint (cut short, spliced, stuffed
 * with quotes, escapes, huge numbers, control and surrogate characters, template and injection strings). Starting
 * from valid inputs gets past the first parser, where random bytes alone would stop. A fixed seed makes a failure
 * reproducible: the failing case's number and input are in the assertion message.
 *
 * <p>Not jqwik: jqwik 1.10 is built on JUnit Platform 1.x, while Quarkus 3.34's tests run on JUnit 6, and jqwik's
 * properties cannot be {@code @QuarkusTest} methods, which the endpoint cases need.
 */
final class Mutations {

    static final List<String> NASTY = List.of("\"", "\\", "{", "}", "[", "]", "%", "%ZZ", "%00", "%", "&", "=", "&&==",
            "\u0000", "\u0007", "\uFFFF", "\uFEFF", "\u202E", "\u00A0", "😀", "\uD800", "null", "true", "-1", "0", "1e309",
            "-0.0", "99999999999999999999", "NaN", "<@U01ALICE>", "<!channel>", "<#C0GENERAL|general>", "INC-1", "inc-0",
            "INC-99999999999999999999", "\n", "\r\n", "\t", "'; drop table incident; --", "${jndi:ldap://x/a}", "{{7*7}}",
            "{#each}", "<script>alert(1)</script>", "../../etc/passwd", "declare", "payments-api", "high", "type=",
            "type=security-breach", "@alice", "done 2147483648", "skip -1", "phase closed", "{\"a\":", "[[[[[[[[", "payload=",
            "text=", "%7B%22type%22%3A", "+", "%2B", "0x7fffffff", "ß", "İ", "ﬀ");

    private static final Pattern JSON_STRING = Pattern.compile("\"(?:[^\"\\\\]++|\\\\.)*+\"");
    private static final Pattern JSON_SCALAR = Pattern.compile(":\\s*+(\"(?:[^\"\\\\]++|\\\\.)*+\"|-?\\d+(?:\\.\\d+)?|true|false|null)");
    private static final Pattern FORM_VALUE = Pattern.compile("=[^&]*");
    private static final List<String> JSON_VALUES = List.of("null", "true", "1", "-1", "1.5e400", "\"\"", "[]", "{}",
            "[null]", "{\"x\":{}}", "\"x\"", "123456789012345678901234567890");

    private final Random random;

    Mutations(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    /** One to three mutations of the input; never the input unchanged unless a mutation happens to restore it. */
    String mutate(String valid) {
        String result = valid;
        int times = 1 + random.nextInt(3);
        for (int i = 0; i < times; i++) {
            result = once(result);
        }
        return result;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    String nasty() {
        int choice = random.nextInt(20);
        if (choice == 0) {
            return "a".repeat(1 + random.nextInt(70_000));
        }
        if (choice == 1) {
            return randomText(1 + random.nextInt(40));
        }
        return pick(NASTY);
    }

    /** Random code points from the ranges that break parsers: ASCII, controls, Latin-1, CJK, emoji, lone surrogates. */
    String randomText(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0 -> text.append((char) random.nextInt(0x20));
                case 1 -> text.append((char) (0x20 + random.nextInt(0x5f)));
                case 2 -> text.append((char) (0xa0 + random.nextInt(0x160)));
                case 3 -> text.append((char) (0x4e00 + random.nextInt(0x100)));
                case 4 -> text.appendCodePoint(0x1f600 + random.nextInt(0x50));
                default -> text.append((char) (0xd800 + random.nextInt(0x800)));
            }
        }
        return text.toString();
    }

    byte[] randomBytes() {
        byte[] bytes = new byte[random.nextInt(600)];
        random.nextBytes(bytes);
        return bytes;
    }

    private String once(String input) {
        int length = input.length();
        int at = length == 0 ? 0 : random.nextInt(length + 1);
        int end = length == 0 ? 0 : at + random.nextInt(length - at + 1);
        return switch (random.nextInt(11)) {
            case 0 -> input.substring(0, at);
            case 1 -> input.substring(0, at) + input.substring(end);
            case 2 -> input.substring(0, end) + input.substring(at, end) + input.substring(end);
            case 3, 4 -> input.substring(0, at) + nasty() + input.substring(at);
            case 5 -> length == 0 ? nasty() : input.substring(0, at) + randomText(1) + input.substring(Math.min(length, at + 1));
            case 6 -> input.substring(at, end) + input.substring(0, at) + input.substring(end);
            case 7 -> replaceOne(JSON_SCALAR, input, ":" + pick(JSON_VALUES));
            case 8 -> replaceOne(JSON_STRING, input, "\"" + nasty().replace("\"", "\\\"") + "\"");
            case 9 -> replaceOne(FORM_VALUE, input, "=" + java.net.URLEncoder.encode(nasty(), StandardCharsets.UTF_8));
            default -> random.nextInt(8) == 0 ? "" : input.toUpperCase(java.util.Locale.ROOT);
        };
    }

    private String replaceOne(Pattern pattern, String input, String replacement) {
        Matcher matcher = pattern.matcher(input);
        List<int[]> spans = new java.util.ArrayList<>();
        while (matcher.find()) {
            spans.add(new int[] {matcher.start(), matcher.end()});
        }
        if (spans.isEmpty()) {
            return input + replacement;
        }
        int[] span = pick(spans);
        return input.substring(0, span[0]) + replacement + input.substring(span[1]);
    }
}
