package dev.warroom.chat.teams;

/**
 * A plan person as a Teams message mentions them: {@code <at>Name</at>}, tied to the user id of their {@code teams:}
 * contact; {@code userId} is null for people without one, who are then only named.
 */
public record TeamsMention(String userId, String name) {

    /** How the mention reads in the text. */
    public String written() {
        return userId == null ? name : "<at>" + name + "</at>";
    }
}
