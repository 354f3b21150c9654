package dev.warroom.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends numbered cases to one endpoint and collects what breaks the rules of bad input: no case may answer
 * 5xx or hang; an inauthentic case gets exactly 401; any 4xx changes nothing stored.
 */
final class FuzzRun {

    static final int CASES = 10_000;

    private final FuzzClient client = new FuzzClient();
    private final StoredChanges changes;
    private final List<String> broken = new ArrayList<>();
    private int authentic;
    private int refused;

    FuzzRun(StoredChanges changes) {
        this.changes = changes;
    }

    FuzzRun send(String path, int cases, IntFunction<FuzzCase> generator) {
        long before = changes.count();
        for (int n = 0; n < cases; n++) {
            FuzzCase fuzz = generator.apply(n);
            FuzzClient.Answer answer = client.post(path, fuzz.body(), fuzz.headers(), "case " + n + ": " + fuzz.shown());
            long after = changes.count();
            String problem = problem(fuzz, answer, after - before);
            if (problem != null && broken.size() < 10) {
                broken.add("case " + n + " → " + answer.status() + " " + cut(answer.body()) + ": " + problem + "\n    "
                        + fuzz.shown());
            }
            authentic += fuzz.authentic() ? 1 : 0;
            refused += answer.status() >= 400 ? 1 : 0;
            before = after;
        }
        return this;
    }

    /** Fails with the first broken cases, each with its number, answer and input. */
    void assertNothingBroke() {
        assertThat(broken).as("fuzz cases that broke the rules of bad input").isEmpty();
    }

    int authenticCases() {
        return authentic;
    }

    int refusedCases() {
        return refused;
    }

    private static String problem(FuzzCase fuzz, FuzzClient.Answer answer, long changedRows) {
        if (answer.status() >= 500) {
            return "a server error";
        }
        if (!fuzz.authentic() && answer.status() != 401 && !refusedAsHttp(fuzz, answer.status())) {
            return "inauthentic but not refused with 401";
        }
        if (answer.status() >= 400 && changedRows != 0) {
            return "refused but " + changedRows + " stored rows changed";
        }
        return null;
    }

    /**
     * Refusals the HTTP layer gives before Warroom sees the request, for requests no platform sends: a Content-Type
     * that is not the platform's (415) or headers beyond the server's limit (431). They change nothing either.
     */
    private static boolean refusedAsHttp(FuzzCase fuzz, int status) {
        String type = fuzz.headers().getOrDefault("Content-Type", "");
        boolean platformType = type.equals("application/json") || type.equals("application/x-www-form-urlencoded");
        int headerChars = fuzz.headers().entrySet().stream().mapToInt(e -> e.getKey().length() + e.getValue().length()).sum();
        return (status == 415 && !platformType) || (status == 431 && headerChars > 8_000);
    }

    private static String cut(String body) {
        return body == null ? "" : body.length() > 160 ? body.substring(0, 160) + "…" : body;
    }
}
