package dev.warroom.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed values out of one manifest's YAML tree, recording a {@link PlanError} for every value that breaks a
 * rule and carrying on, so one run reports them all. Methods return null for a value that is absent or broken
 * (and the error is recorded); a null node in means "already reported or absent" and gives null back silently.
 */
final class PlanNodeReader {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern DURATION = Pattern.compile("([1-9][0-9]{0,8})([smhd])");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private final String file;
    private final List<PlanError> errors = new ArrayList<>();

    PlanNodeReader(String file) {
        this.file = file;
    }

    List<PlanError> errors() {
        return errors;
    }

    void error(String path, String rule) {
        errors.add(new PlanError(file, path, rule));
    }

    static String key(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String index(String path, int index) {
        return path + "[" + index + "]";
    }

    /**
     * The value under {@code key}. An absent required key is reported as missing, an empty one ({@code key:} with
     * nothing after it) as empty; an optional key left empty counts as absent.
     */
    JsonNode field(ObjectNode map, String path, String key, boolean required) {
        if (map == null) {
            return null;
        }
        JsonNode value = map.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                error(key(path, key), value == null ? PlanRules.REQUIRED : PlanRules.EMPTY);
            }
            return null;
        }
        return value;
    }

    /** A mapping whose keys are fixed by the format; every other key is reported as unknown. */
    ObjectNode mapping(JsonNode node, String path, List<String> keys) {
        ObjectNode map = anyMapping(node, path);
        if (map != null) {
            for (String name : keyNames(map)) {
                if (!keys.contains(name)) {
                    error(key(path, name), PlanRules.unknownKey(keys));
                }
            }
        }
        return map;
    }

    /** A mapping whose keys the plan chooses (person ids, role ids, severity names). */
    ObjectNode anyMapping(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            error(path, PlanRules.NOT_MAPPING);
            return null;
        }
        return (ObjectNode) node;
    }

    /** The entries of a plan-keyed mapping, in file order; null when it is not a mapping or empty but must not be. */
    Map<String, JsonNode> entries(JsonNode node, String path, boolean nonEmpty) {
        ObjectNode map = anyMapping(node, path);
        if (map == null) {
            return null;
        }
        if (nonEmpty && map.isEmpty()) {
            error(path, PlanRules.EMPTY);
            return null;
        }
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        map.properties().forEach(e -> entries.put(e.getKey(), e.getValue()));
        return entries;
    }

    List<JsonNode> list(JsonNode node, String path, boolean nonEmpty) {
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            error(path, PlanRules.NOT_LIST);
            return null;
        }
        if (nonEmpty && node.isEmpty()) {
            error(path, PlanRules.EMPTY);
            return null;
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }

    /** A non-blank string, without surrounding whitespace. */
    String text(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            error(path, PlanRules.NOT_STRING);
            return null;
        }
        String text = node.textValue().strip();
        if (text.isEmpty()) {
            error(path, PlanRules.EMPTY);
            return null;
        }
        return text;
    }

    /** A list of non-blank strings (steps, criteria, prompts). */
    List<String> texts(JsonNode node, String path, boolean nonEmpty) {
        List<JsonNode> items = list(node, path, nonEmpty);
        if (items == null) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            texts.add(text(items.get(i), index(path, i)));
        }
        return texts.contains(null) ? null : List.copyOf(texts);
    }

    /**
     * A list of names, each listed once; {@code check} gives the rule a name breaks (it is not a person, say) or null.
     */
    List<String> names(JsonNode node, String path, boolean nonEmpty, Function<String, String> check) {
        List<JsonNode> items = list(node, path, nonEmpty);
        if (items == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        boolean valid = true;
        for (int i = 0; i < items.size(); i++) {
            String name = text(items.get(i), index(path, i));
            if (name == null) {
                valid = false;
                continue;
            }
            Integer first = firstIndex.putIfAbsent(name, i);
            String rule = first != null ? PlanRules.alreadyListed(name, "[" + first + "]") : check.apply(name);
            if (rule != null) {
                error(index(path, i), rule);
                valid = false;
            }
            names.add(name);
        }
        return valid ? List.copyOf(names) : null;
    }

    String slug(JsonNode node, String path) {
        String text = text(node, path);
        if (text != null && !SLUG.matcher(text).matches()) {
            error(path, PlanRules.notSlug(text));
            return null;
        }
        return text;
    }

    Boolean bool(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            error(path, PlanRules.NOT_BOOLEAN);
            return null;
        }
        return node.booleanValue();
    }

    /** {@code <positive whole number><s|m|h|d>}: 30s, 5m, 2h, 1d. */
    Duration duration(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        if (!node.isValueNode()) {
            error(path, PlanRules.NOT_DURATION);
            return null;
        }
        String text = node.asText();
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            error(path, PlanRules.notDuration(text));
            return null;
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** An ISO date, yyyy-mm-dd. */
    LocalDate date(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        String text = node.isValueNode() ? node.asText() : "";
        if (DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeException e) {
                // 2026-02-30 and the like: reported below
            }
        }
        error(path, node.isValueNode() ? PlanRules.notDate(text) : PlanRules.NOT_STRING);
        return null;
    }

    /** An absolute http or https URL with a host. */
    String url(JsonNode node, String path) {
        String text = text(node, path);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return text;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        error(path, PlanRules.notUrl(text));
        return null;
    }

    /** A whole number 0 or more. */
    Integer count(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
            error(path, PlanRules.NOT_REPEAT);
            return null;
        }
        return node.intValue();
    }

    static boolean isSlug(String value) {
        return SLUG.matcher(value).matches();
    }

    static boolean isEmail(String value) {
        return EMAIL.matcher(value).matches();
    }

    static List<String> keyNames(JsonNode map) {
        List<String> names = new ArrayList<>();
        map.properties().forEach(e -> names.add(e.getKey()));
        return names;
    }
}
