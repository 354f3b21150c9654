package dev.warroom.web.access;

/**
 * Who is looking: in local mode nobody in particular (everything is open); signed in, a person
 * with a display name and, when the sign-in matches one, the plan person they are ({@code personId}).
 */
public record Viewer(boolean localMode, String name, String personId) {

    public static Viewer local() {
        return new Viewer(true, null, null);
    }

    public boolean signedIn() {
        return !localMode;
    }

    public boolean isPlanPerson() {
        return personId != null;
    }
}
