package dev.warroom.web.access;

import java.util.Set;

/**
 * Who may see one incident, worked out once so that many viewers can be checked against it without the database:
 * everyone, or (a restricted incident) only the plan people named. Local mode sees everything.
 */
public record Audience(boolean everyone, Set<String> people) {

    public static final Audience EVERYONE = new Audience(true, Set.of());

    public static Audience only(Set<String> people) {
        return new Audience(false, Set.copyOf(people));
    }

    public boolean includes(Viewer viewer) {
        return viewer.localMode() || everyone || (viewer.personId() != null && people.contains(viewer.personId()));
    }
}
