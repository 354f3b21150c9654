package dev.warroom.chat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an acknowledged chat request asks for, in a form that can be stored and run again after a crash: its kind
 * ({@code slack.command}, {@code teams.lesson-edited}...) and its fields, any of which may be null.
 */
public record InboxWork(String kind, Map<String, String> fields) {

    public InboxWork {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Fields given as name, value, name, value...; values may be null. */
    public static InboxWork of(String kind, String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("fields come in name and value pairs");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new InboxWork(kind, fields);
    }

    public String get(String field) {
        return fields.get(field);
    }

    /** The platform part of the kind: {@code slack} of {@code slack.command}. */
    String platform() {
        int dot = kind.indexOf('.');
        return dot < 0 ? kind : kind.substring(0, dot);
    }
}
