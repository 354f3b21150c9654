package dev.warroom.notify;

/** Where a message goes: an incident or other channel, a plan person directly, or a stakeholder. */
public record Destination(Kind kind, String name) {

    public enum Kind { CHANNEL, PERSON, STAKEHOLDER }

    public static Destination channel(String name) {
        return new Destination(Kind.CHANNEL, name);
    }

    public static Destination person(String id) {
        return new Destination(Kind.PERSON, id);
    }

    public static Destination stakeholder(String name) {
        return new Destination(Kind.STAKEHOLDER, name);
    }
}
