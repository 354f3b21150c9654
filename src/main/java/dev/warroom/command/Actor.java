package dev.warroom.command;

/**
 * Who sent a command: a plan person when the platform identity maps to one ({@code personId}),
 * otherwise just a name. Anyone may declare; roles need a plan person.
 */
public record Actor(String personId, String name) {

    public static Actor person(String personId, String name) {
        return new Actor(personId, name);
    }

    public static Actor stranger(String name) {
        return new Actor(null, name);
    }

    public boolean isPerson() {
        return personId != null;
    }

    public boolean is(String person) {
        return personId != null && personId.equals(person);
    }

    /** How the actor is stored in the timeline: the person id, or the name for people outside the plans. */
    public String ref() {
        return personId != null ? personId : name;
    }
}
