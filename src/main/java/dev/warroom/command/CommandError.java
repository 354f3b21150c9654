package dev.warroom.command;

/** A mistake a user made, with the one-line message they are shown. */
public class CommandError extends RuntimeException {

    public CommandError(String message) {
        super(message, null, false, false);
    }

    /**
     * What the user typed, quoted back in a refusal: cut to a phone line, so that pasted logs or a runaway paste do
     * not come back as a screenful.
     */
    public static String echo(String typed) {
        int limit = 40;
        return typed.length() <= limit ? typed : typed.substring(0, typed.offsetByCodePoints(0,
                Math.min(limit, typed.codePointCount(0, typed.length())))) + "…";
    }

    /** A mistake in a command's words: the message plus the command's correct form. */
    public static CommandError withUsage(String problem, Usage usage) {
        return new CommandError(problem + " Usage: `" + usage.form() + "`");
    }
}
