package dev.warroom.command;

/** A mistake a user made, with the one-line message they are shown. */
public class CommandError extends RuntimeException {

    public CommandError(String message) {
        super(message, null, false, false);
    }

    /** A mistake in a command's words: the message plus the command's correct form. */
    public static CommandError withUsage(String problem, Usage usage) {
        return new CommandError(problem + " Usage: `" + usage.form() + "`");
    }
}
