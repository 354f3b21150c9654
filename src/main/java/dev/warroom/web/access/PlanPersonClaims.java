package dev.warroom.web.access;

import dev.warroom.plan.Plan;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the plan person behind a signed-in user's token, by the first claim that matches a contact:
 * {@code email} (then {@code preferred_username}, Entra ID's sign-in name) against {@code email:} contacts,
 * ignoring case; Sign in with Slack's {@code https://slack.com/user_id} against {@code slack:} contacts;
 * Entra ID's object id {@code oid} against {@code teams:} contacts.
 */
final class PlanPersonClaims {

    static final String SLACK_USER_ID = "https://slack.com/user_id";

    private PlanPersonClaims() {
    }

    static Optional<Plan.Person> match(JsonWebToken token, List<Plan.Person> people) {
        return byEmail(claim(token, "email"), people)
                .or(() -> byEmail(claim(token, "preferred_username"), people))
                .or(() -> byContact(claim(token, SLACK_USER_ID), Plan.Contact.Kind.SLACK, people))
                .or(() -> byContact(claim(token, "oid"), Plan.Contact.Kind.TEAMS, people));
    }

    private static Optional<Plan.Person> byEmail(String email, List<Plan.Person> people) {
        if (email == null || !email.contains("@")) {
            return Optional.empty();
        }
        String wanted = email.strip().toLowerCase(Locale.ROOT);
        return people.stream().filter(p -> p.contact(Plan.Contact.Kind.EMAIL)
                .map(e -> e.toLowerCase(Locale.ROOT).equals(wanted)).orElse(false)).findFirst();
    }

    private static Optional<Plan.Person> byContact(String value, Plan.Contact.Kind kind, List<Plan.Person> people) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return people.stream().filter(p -> p.contact(kind).map(value::equals).orElse(false)).findFirst();
    }

    private static String claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        return value == null ? null : value.toString().replaceAll("^\"|\"$", "");
    }
}
