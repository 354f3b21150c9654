package dev.warroom.fuzz;

import dev.warroom.command.CommandError;
import dev.warroom.command.CommandParser;
import dev.warroom.command.Usage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten thousand command lines, from every command's words and mutated: the parser answers each with a command or
 * with a short, helpful {@link CommandError} (what a person on a phone reads), never with another exception.
 */
class CommandParserFuzzTest {

    private final CommandParser parser = new CommandParser();
    private final Mutations mutations = new Mutations(20261130L);

    @Test
    void everyLineIsACommandOrAShortHelpfulRefusal() {
        List<String> broken = new ArrayList<>();
        int refused = 0;
        for (int n = 0; n < 10_000; n++) {
            String line = line();
            try {
                assertThat(parser.parse(line)).isNotNull();
            } catch (CommandError refusal) {
                refused++;
                String reply = refusal.getMessage();
                if (reply == null || reply.isBlank() || reply.length() > 700) {
                    broken.add("case " + n + ": refusal `" + reply + "` for " + shown(line));
                }
            } catch (RuntimeException | StackOverflowError e) {
                broken.add("case " + n + ": " + e + " for " + shown(line));
            }
        }
        assertThat(broken).as("command lines the parser did not answer well").isEmpty();
        assertThat(refused).as("lines refused").isBetween(1000, 9000);
    }

    private String line() {
        return switch (mutations.random().nextInt(4)) {
            case 0 -> mutations.mutate(mutations.pick(Corpus.COMMANDS));
            case 1 -> mutations.randomText(mutations.random().nextInt(80));
            default -> {
                Usage usage = mutations.pick(Arrays.asList(Usage.values()));
                StringBuilder line = new StringBuilder(mutations.pick(List.of("", "/incident ", "incident ", " ")));
                line.append(usage.name().toLowerCase(java.util.Locale.ROOT));
                int words = mutations.random().nextInt(6);
                for (int i = 0; i < words; i++) {
                    line.append(mutations.pick(List.of(" ", "  ", "\u00a0", "\t"))).append(mutations.nasty());
                }
                yield line.toString();
            }
        };
    }

    private static String shown(String line) {
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
