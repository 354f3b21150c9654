package dev.warroom.plan;

import java.util.List;

/** Every message text of plan validation, in one place, so they stay short and consistent. */
final class PlanRules {

    /** The path used for problems with a whole file (not YAML, not a mapping). */
    static final String FILE = "(file)";
    /** The path used for problems with the plans directory itself. */
    static final String DIRECTORY = "(directory)";

    static final String REQUIRED = "is required";
    static final String EMPTY = "must not be empty";
    static final String NOT_STRING = "must be a string";
    static final String NOT_LIST = "must be a list";
    static final String NOT_MAPPING = "must be a mapping";
    static final String NOT_BOOLEAN = "must be true or false";
    static final String NOT_REPEAT = "must be a whole number, 0 or more";
    static final String NOT_DURATION = "must be a duration; use 30s, 5m, 2h or 1d";
    static final String NOT_STEP = "must be a step text or a mapping with step and runbook";
    static final String NOT_CONTACT = "must be one contact method, e.g. {email: alice@example.com}";
    static final String DUPLICATE_KEY = "duplicate key";
    static final String REPORT_REQUIRED = "must be true for medium and high severities";
    static final String ELIGIBLE_ONLY_FOR_MANAGER = "only " + Plan.INCIDENT_MANAGER + " has an eligible list";
    static final String UNKNOWN_CONTACT = "unknown contact method; expected one of slack, teams, email, phone";
    static final String UNKNOWN_PHASE =
            "unknown phase; expected one of detection, analysis, containment, eradication, recovery";

    static final String FILE_EMPTY = "is empty; expected a plan mapping (service, title, ...)";
    static final String FILE_NOT_MAPPING = "must be a mapping of plan keys (service, title, ...)";
    static final String FILE_MANY_DOCUMENTS = "must hold one YAML document, has more than one";
    static final String FILE_NOT_UTF8 = "is not UTF-8 text";
    static final String NO_SUCH_DIRECTORY = "no such directory";
    static final String NOT_A_DIRECTORY = "is not a directory";
    static final String NO_PLAN_FILES = "has no .yaml or .yml files";

    private PlanRules() {
    }

    static String unknownKey(List<String> expected) {
        return "unknown key; expected one of " + String.join(", ", expected);
    }

    static String notYaml(int line, int column, String problem) {
        return "not valid YAML at line " + line + ", column " + column + ": " + problem;
    }

    static String aliasNotSupported(String alias) {
        return "YAML aliases (*" + alias + ") are not supported; write the value out";
    }

    static String cannotRead(String reason) {
        return "cannot be read: " + reason;
    }

    static String notSlug(String value) {
        return quote(value) + " is not a slug; use a-z, 0-9 and -, starting with a letter or digit";
    }

    static String notDuration(String value) {
        return quote(value) + " is not a duration; use 30s, 5m, 2h or 1d";
    }

    static String notDate(String value) {
        return quote(value) + " is not a date; use yyyy-mm-dd";
    }

    static String notUrl(String value) {
        return quote(value) + " is not an http(s) URL";
    }

    static String notEmail(String value) {
        return quote(value) + " is not an email address";
    }

    static String tooFewContacts(int has) {
        return "needs at least 2 contact methods, has " + has;
    }

    static String manyContactsInOne(int count) {
        return "holds " + count + " contact methods; give each its own list item";
    }

    static String alreadyListed(String value, String where) {
        return quote(value) + " is already listed at " + where;
    }

    static String notPerson(String name) {
        return quote(name) + " is not a person in people";
    }

    static String notRole(String name) {
        return quote(name) + " is not a role in roles";
    }

    static String notSeverity(String name) {
        return quote(name) + " is not a severity in severities";
    }

    static String notRecipient(String name) {
        return quote(name) + " is not a role, person, stakeholder, "
                + Plan.INTERNAL_STAKEHOLDERS + " or " + Plan.EXTERNAL_STAKEHOLDERS;
    }

    static String serviceAlreadyDefined(String service, String otherFile) {
        return quote(service) + " is already defined in " + otherFile;
    }

    /** A value as the owner wrote it, in quotes, cut short when long so a message stays one readable line. */
    static String quote(String value) {
        String oneLine = value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        return "\"" + (oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine) + "\"";
    }
}
