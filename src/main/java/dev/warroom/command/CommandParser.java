package dev.warroom.command;

import dev.warroom.plan.Phase;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The one grammar of Warroom's commands, shared by every chat platform. */
public final class CommandParser {

    private static final Pattern INCIDENT_KEY = Pattern.compile("(?i)inc-\\d+");
    /** Any Unicode white space separates words, including the no-break spaces that phones and pasted text bring. */
    private static final Pattern SPACE = Pattern.compile("(?U)\\s+");
    private static final Pattern EDGE_SPACE = Pattern.compile("(?U)^\\s+|\\s+$");
    private static final Pattern LEADING_WORD = Pattern.compile("(?iU)^/?incident(\\s+|$)");
    private static final String TYPE_PREFIX = "type=";
    /** A lesson's prompt: {@code 2 …}, {@code 2. …}, {@code 2: …} or {@code #2 …}, then the lesson. */
    private static final Pattern LESSON_PROMPT = Pattern.compile("(?sU)^(?:#(\\d{1,3})|(\\d{1,3})[.:]?)\\s+(\\S.*)$");
    /** A thread reply answers a prompt only with a mark ({@code 2.}, {@code 2:}, {@code #2}): "3 retries…" is a lesson. */
    private static final Pattern MARKED_PROMPT = Pattern.compile("(?sU)^(?:#\\d{1,3}|\\d{1,3}[.:])\\s+\\S.*$");
    private static final Pattern NO_PROMPT = Pattern.compile("(?sU)^--\\s+(\\S.*)$");
    /** As Slack's declare form allows: a title is read in channel names, topics and phone notifications. */
    public static final int MAX_TITLE = 150;

    /** Parses a command's text, with or without the leading {@code /incident} or {@code incident}. */
    public Command parse(String input) {
        String text = strip(LEADING_WORD.matcher(strip(input == null ? "" : input)).replaceFirst(""));
        if (text.isEmpty()) {
            return new Command.Help(null);
        }
        Words words = new Words(text);
        String verb = words.next().toLowerCase(Locale.ROOT);
        Usage usage = Usage.of(verb).orElseThrow(() -> new CommandError(
                "Unknown command `" + CommandError.echo(verb) + "`. Commands: " + allWords() + ". Try `help`."));
        return switch (usage) {
            case DECLARE -> declare(words);
            case ACK -> noMore(words, usage, new Command.Ack(words.incidentKey()));
            case STATUS -> noMore(words, usage, new Command.Status(words.incidentKey()));
            case STEPS -> noMore(words, usage, new Command.Steps(words.incidentKey()));
            case DONE -> {
                String key = words.incidentKey();
                yield noMore(words, usage, new Command.Done(key, stepNumber(words, usage)));
            }
            case SKIP -> {
                String key = words.incidentKey();
                int step = stepNumber(words, usage);
                yield new Command.Skip(key, step, rest(words, usage, "a reason"));
            }
            case PHASE -> phase(words, usage);
            case ASSIGN -> {
                String key = words.incidentKey();
                String role = required(words, usage, "a role");
                String person = person(words, usage);
                yield noMore(words, usage, new Command.Assign(key, role.toLowerCase(Locale.ROOT), person));
            }
            case HANDOVER -> {
                String key = words.incidentKey();
                yield noMore(words, usage, new Command.Handover(key, person(words, usage)));
            }
            case UPDATE -> new Command.Update(words.incidentKey(), rest(words, usage, "the update text"));
            case ESCALATE -> new Command.Escalate(words.incidentKey(), rest(words, usage, "a reason"));
            case FORENSICS -> new Command.InvokeForensics(words.incidentKey(), rest(words, usage, "a reason"));
            case RESOLVE -> new Command.Resolve(words.incidentKey(), rest(words, usage, "a summary of what was resolved"));
            case LESSON -> lesson(words.incidentKey(), rest(words, usage, "the lesson"));
            case REPORT -> noMore(words, usage, new Command.ShowReport(words.incidentKey()));
            case CLOSE -> noMore(words, usage, new Command.Close(words.incidentKey()));
            case LIST -> noMore(words, usage, new Command.ListIncidents());
            case PLANS -> noMore(words, usage, new Command.ListPlans());
            case PLAN -> noMore(words, usage, new Command.ShowPlan(required(words, usage, "a service")));
            case HELP -> {
                String topic = words.hasNext() ? words.next().toLowerCase(Locale.ROOT) : null;
                yield noMore(words, usage, new Command.Help(topic));
            }
            case DRILL -> drill(words);
        };
    }

    private static Command declare(Words words) {
        String service = required(words, Usage.DECLARE, "a service").toLowerCase(Locale.ROOT);
        String severity = required(words, Usage.DECLARE, "a severity").toLowerCase(Locale.ROOT);
        String type = incidentType(words, Usage.DECLARE);
        String title = rest(words, Usage.DECLARE, "a title");
        if (title.codePointCount(0, title.length()) > MAX_TITLE) {
            throw CommandError.withUsage("The title is too long: keep it to " + MAX_TITLE + " characters.", Usage.DECLARE);
        }
        return new Command.Declare(service, severity, type, title);
    }

    private static Command lesson(String key, String text) {
        java.util.regex.Matcher verbatim = NO_PROMPT.matcher(text);
        if (verbatim.matches()) {
            return new Command.AddLesson(key, null, verbatim.group(1));
        }
        java.util.regex.Matcher prompt = LESSON_PROMPT.matcher(text);
        if (prompt.matches()) {
            String number = prompt.group(1) != null ? prompt.group(1) : prompt.group(2);
            return new Command.AddLesson(key, Integer.valueOf(number), prompt.group(3));
        }
        return new Command.AddLesson(key, null, text);
    }

    /**
     * A reply in a lessons-learned thread as the {@code lesson} command it stands for. Only a marked number
     * ({@code 2.}, {@code 2:}, {@code #2}) names a prompt: a reply that merely begins with a number is kept as written.
     */
    public static String lessonReply(String reply) {
        String text = strip(reply == null ? "" : reply);
        return "lesson " + (MARKED_PROMPT.matcher(text).matches() ? text : "-- " + text);
    }

    /** {@code type=<incident-type>} if it comes next. */
    private static String incidentType(Words words, Usage usage) {
        if (!words.peekStartsWith(TYPE_PREFIX)) {
            return null;
        }
        String type = words.next().substring(TYPE_PREFIX.length()).toLowerCase(Locale.ROOT);
        if (type.isEmpty()) {
            throw CommandError.withUsage("`type=` needs an incident type.", usage);
        }
        return type;
    }

    private static Command drill(Words words) {
        String service = required(words, Usage.DRILL, "a service").toLowerCase(Locale.ROOT);
        String severity = required(words, Usage.DRILL, "a severity").toLowerCase(Locale.ROOT);
        String type = incidentType(words, Usage.DRILL);
        return new Command.Drill(service, severity, type, words.rest());
    }

    private static Command phase(Words words, Usage usage) {
        String key = words.incidentKey();
        String name = required(words, usage, "a phase");
        Phase phase = Phase.fromWord(name).orElseThrow(() -> CommandError.withUsage(
                "`" + CommandError.echo(name) + "` is not a phase; phases: " + Arrays.stream(Phase.values()).map(Phase::word)
                        .collect(Collectors.joining(", ")) + ".", usage));
        return noMore(words, usage, new Command.MovePhase(key, phase));
    }

    private static int stepNumber(Words words, Usage usage) {
        String word = required(words, usage, "a step number");
        try {
            int number = Integer.parseInt(word);
            if (number < 1) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw CommandError.withUsage("`" + CommandError.echo(word) + "` is not a step number.", usage);
        }
    }

    /** A person as typed: {@code @bob} and {@code bob} both name bob. */
    private static String person(Words words, Usage usage) {
        String word = required(words, usage, "a person");
        String person = word.startsWith("@") ? word.substring(1) : word;
        if (person.isEmpty()) {
            throw CommandError.withUsage("`" + usage.word() + "` needs a person after `@`.", usage);
        }
        return person;
    }

    private static String required(Words words, Usage usage, String what) {
        if (!words.hasNext()) {
            throw CommandError.withUsage("`" + usage.word() + "` needs " + what + ".", usage);
        }
        return words.next();
    }

    private static String rest(Words words, Usage usage, String what) {
        String rest = words.rest();
        if (rest.isEmpty()) {
            throw CommandError.withUsage("`" + usage.word() + "` needs " + what + ".", usage);
        }
        return rest;
    }

    private static <C extends Command> C noMore(Words words, Usage usage, C command) {
        if (words.hasNext()) {
            throw CommandError.withUsage("`" + usage.word() + "` does not take `" + CommandError.echo(words.rest()) + "`.", usage);
        }
        return command;
    }

    private static String strip(String text) {
        return EDGE_SPACE.matcher(text).replaceAll("");
    }

    private static String allWords() {
        return Arrays.stream(Usage.values()).map(Usage::word).collect(Collectors.joining(", "));
    }

    /** The words of a command, taken one at a time; the remainder keeps its original spacing. */
    private static final class Words {
        private String remaining;

        Words(String text) {
            this.remaining = strip(text);
        }

        boolean hasNext() {
            return !remaining.isEmpty();
        }

        String next() {
            String[] parts = SPACE.split(remaining, 2);
            remaining = parts.length > 1 ? parts[1] : "";
            return parts[0];
        }

        boolean peekStartsWith(String prefix) {
            return hasNext() && SPACE.split(remaining, 2)[0].toLowerCase(Locale.ROOT).startsWith(prefix);
        }

        /** Takes an incident key such as INC-12 if it comes next. */
        String incidentKey() {
            if (hasNext() && INCIDENT_KEY.matcher(SPACE.split(remaining, 2)[0]).matches()) {
                return next().toUpperCase(Locale.ROOT);
            }
            return null;
        }

        String rest() {
            String rest = remaining;
            remaining = "";
            return rest;
        }
    }

    /**
     * Whether the text starts with a command word (after an optional {@code incident}): where free text has a
     * meaning of its own (a reply in a lessons-learned conversation), text that does not is not a command.
     */
    public static boolean startsWithCommand(String input) {
        String text = strip(LEADING_WORD.matcher(strip(input == null ? "" : input)).replaceFirst(""));
        return !text.isEmpty() && Usage.of(SPACE.split(text, 2)[0]).isPresent();
    }

    /** Help for all commands, or for one. */
    public static String help(String topic) {
        if (topic == null) {
            return "*Warroom commands* (type them after `/incident`):\n" + Arrays.stream(Usage.values())
                    .map(u -> "`" + u.form() + "` — " + u.description())
                    .collect(Collectors.joining("\n"))
                    + "\nOutside an incident's channel, name the incident: `status INC-12`.";
        }
        return Usage.of(topic)
                .map(u -> "`" + u.form() + "` — " + u.description())
                .orElseThrow(() -> new CommandError("No command `" + CommandError.echo(topic) + "`. Commands: " + allWords() + "."));
    }

    static List<String> words() {
        return Arrays.stream(Usage.values()).map(Usage::word).toList();
    }
}
