package dev.warroom.command;

import dev.warroom.plan.Phase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class CommandParserTest {

    private static final String ALL_WORDS = "declare, ack, status, steps, done, skip, phase, assign, handover, update, "
            + "escalate, forensics, resolve, lesson, report, close, list, plans, plan, help, drill";
    private static final String DECLARE_USAGE = " Usage: `declare <service> <severity> [type=<incident-type>] <title…>`";

    private final CommandParser parser = new CommandParser();

    private String error(String input) {
        return assertThrows(CommandError.class, () -> parser.parse(input), input).getMessage();
    }

    // ---- free text, where it has a meaning of its own (a lessons-learned reply)

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "status | true", "incident update Failover under way | true", "LESSON more alerts | true",
            "Alerting fired 10 minutes late | false", "statuspage was wrong | false", "'' | false"})
    void textStartsWithACommandOrIsFreeText(String text, boolean command) {
        assertEquals(command, CommandParser.startsWithCommand(text), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2. Alerting fired late | 2 | Alerting fired late",
            "2: Alerting fired late | 2 | Alerting fired late",
            "#2 Alerting fired late | 2 | Alerting fired late",
            "3 retries were not enough | | 3 retries were not enough",
            "-- not a prompt | | -- not a prompt",
            "Alerting fired late | | Alerting fired late"})
    void aLessonsThreadReplyNamesAPromptOnlyWithAMark(String reply, Integer prompt, String text) {
        assertEquals(new Command.AddLesson(null, prompt, text), parser.parse(CommandParser.lessonReply(reply)));
    }

    // ---- every command word and the record it makes

    static Stream<Arguments> commands() {
        return Stream.of(
                arguments("declare payments-api high Checkout failing",
                        new Command.Declare("payments-api", "high", null, "Checkout failing")),
                arguments("declare payments-api HIGH type=outage Checkout failing",
                        new Command.Declare("payments-api", "high", "outage", "Checkout failing")),
                arguments("declare payments-api low x", new Command.Declare("payments-api", "low", null, "x")),
                arguments("drill payments-api high", new Command.Drill("payments-api", "high", null, "")),
                arguments("DRILL Payments-API low outage Checkout failing",
                        new Command.Drill("payments-api", "low", null, "outage Checkout failing")),
                arguments("drill payments-api high type=Outage", new Command.Drill("payments-api", "high", "outage", "")),
                arguments("ack", new Command.Ack(null)),
                arguments("ack INC-12", new Command.Ack("INC-12")),
                arguments("status", new Command.Status(null)),
                arguments("status inc-12", new Command.Status("INC-12")),
                arguments("steps", new Command.Steps(null)),
                arguments("steps INC-3", new Command.Steps("INC-3")),
                arguments("done 1", new Command.Done(null, 1)),
                arguments("done INC-12 3", new Command.Done("INC-12", 3)),
                arguments("skip 2 no access to the load balancer", new Command.Skip(null, 2, "no access to the load balancer")),
                arguments("skip INC-12 2 not needed", new Command.Skip("INC-12", 2, "not needed")),
                arguments("phase analysis", new Command.MovePhase(null, Phase.ANALYSIS)),
                arguments("phase INC-12 Containment", new Command.MovePhase("INC-12", Phase.CONTAINMENT)),
                arguments("phase ERADICATION", new Command.MovePhase(null, Phase.ERADICATION)),
                arguments("phase recovery", new Command.MovePhase(null, Phase.RECOVERY)),
                arguments("assign comms-liaison @bob", new Command.Assign(null, "comms-liaison", "bob")),
                arguments("assign INC-12 comms-liaison bob", new Command.Assign("INC-12", "comms-liaison", "bob")),
                arguments("handover @carol", new Command.Handover(null, "carol")),
                arguments("handover INC-12 carol", new Command.Handover("INC-12", "carol")),
                arguments("update Rolled back; error rate falling", new Command.Update(null, "Rolled back; error rate falling")),
                arguments("update INC-12 still degraded", new Command.Update("INC-12", "still degraded")),
                arguments("escalate no ack from the manager", new Command.Escalate(null, "no ack from the manager")),
                arguments("escalate INC-12 target missed", new Command.Escalate("INC-12", "target missed")),
                arguments("forensics suspicious logins", new Command.InvokeForensics(null, "suspicious logins")),
                arguments("forensics INC-12 data exfiltration", new Command.InvokeForensics("INC-12", "data exfiltration")),
                arguments("resolve Rolled back release 42", new Command.Resolve(null, "Rolled back release 42")),
                arguments("resolve INC-12 fixed", new Command.Resolve("INC-12", "fixed")),
                arguments("lesson Alert fired late", new Command.AddLesson(null, null, "Alert fired late")),
                arguments("lesson INC-12 more canaries", new Command.AddLesson("INC-12", null, "more canaries")),
                arguments("lesson 2 Alert fired late", new Command.AddLesson(null, 2, "Alert fired late")),
                arguments("lesson INC-12 #3 more canaries", new Command.AddLesson("INC-12", 3, "more canaries")),
                arguments("lesson 1. Failover worked", new Command.AddLesson(null, 1, "Failover worked")),
                arguments("lesson 2: Paging was slow", new Command.AddLesson(null, 2, "Paging was slow")),
                arguments("lesson 2.5% of payments failed", new Command.AddLesson(null, null, "2.5% of payments failed")),
                arguments("lesson -- 3 retries were not enough", new Command.AddLesson(null, null, "3 retries were not enough")),
                arguments("report", new Command.ShowReport(null)),
                arguments("report INC-12", new Command.ShowReport("INC-12")),
                arguments("close", new Command.Close(null)),
                arguments("close INC-12", new Command.Close("INC-12")),
                arguments("list", new Command.ListIncidents()),
                arguments("plans", new Command.ListPlans()),
                arguments("plan payments-api", new Command.ShowPlan("payments-api")),
                arguments("help", new Command.Help(null)),
                arguments("help done", new Command.Help("done")),
                arguments("help DECLARE", new Command.Help("declare")),
                arguments("help unknown", new Command.Help("unknown")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void parsesEveryCommand(String input, Command expected) {
        assertEquals(expected, parser.parse(input));
        assertEquals(expected, parser.parse("/incident " + input), "after /incident");
        assertEquals(expected, parser.parse("incident " + input), "after incident");
        assertEquals(expected, parser.parse("  /INCIDENT   " + input + "  "), "upper-case /INCIDENT, extra spaces");
    }

    @Test
    void everyCommandWordIsCovered() {
        assertEquals(Arrays.stream(Usage.values()).map(Usage::word).toList(), CommandParser.words());
        assertEquals(ALL_WORDS, String.join(", ", CommandParser.words()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ACK", "Ack", "aCk", "/incident ACK", "Incident Ack"})
    void verbIsCaseInsensitive(String input) {
        assertEquals(new Command.Ack(null), parser.parse(input));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "/incident", "incident", "/incident   ", "INCIDENT"})
    void nothingAfterTheLeadingWordIsHelp(String input) {
        assertEquals(new Command.Help(null), parser.parse(input));
    }

    @Test
    void refusalsQuoteAtMostFortyCharactersOfWhatWasTyped() {
        // Found by CommandParserFuzzTest: a pasted log came back whole in the refusal.
        String pasted = "x".repeat(5000);
        assertEquals("`status` does not take `" + "x".repeat(40) + "…`. Usage: `status`", error("status " + pasted));
        assertEquals("Unknown command `" + "y".repeat(40) + "…`. Commands: " + ALL_WORDS + ". Try `help`.",
                error("y".repeat(300)));
    }

    @Test
    void aTitleLongerThan150CharactersIsRefused() {
        assertEquals(new Command.Declare("payments-api", "high", null, "t".repeat(150)),
                parser.parse("declare payments-api high " + "t".repeat(150)));
        assertEquals("The title is too long: keep it to 150 characters. Usage: `" + Usage.DECLARE.form() + "`",
                error("declare payments-api high " + "t".repeat(151)));
    }

    @Test
    void incidentKeyIsUpperCased() {
        assertEquals(new Command.Ack("INC-7"), parser.parse("ack inc-7"));
        assertEquals(new Command.Ack("INC-7"), parser.parse("ack Inc-7"));
    }

    @Test
    void multiWordTextIsKeptExactly() {
        String text = "DB   failover done;\n  p99 back to 120ms (was 3s) — `api-7` still *odd*  ";
        String kept = text.stripTrailing(); // the command as a whole is trimmed; nothing inside it changes
        assertEquals(new Command.Update(null, kept), parser.parse("/incident update " + text));
        assertEquals(new Command.Update("INC-12", kept), parser.parse("update   INC-12   " + text));
        assertEquals(new Command.Skip(null, 4, kept), parser.parse("skip 4 " + text));
        assertEquals(new Command.Escalate(null, kept), parser.parse("escalate " + text));
        assertEquals(new Command.InvokeForensics(null, kept), parser.parse("forensics " + text));
        assertEquals(new Command.Resolve(null, kept), parser.parse("resolve " + text));
        assertEquals(new Command.AddLesson(null, null, kept), parser.parse("lesson " + text));
        assertEquals(new Command.Declare("payments-api", "high", "outage", kept),
                parser.parse("declare payments-api High type=outage " + text));
    }

    @Test
    void wordsCanBeSeparatedByTabsAndNewlines() {
        assertEquals(new Command.Done("INC-2", 3), parser.parse("/incident\tdone\nINC-2\t3"));
    }

    @Test
    void nonBreakingSpacesSeparateWordsToo() {
        // Phones and text pasted from web pages put U+00A0 between words; the command must still read.
        assertEquals(new Command.Done(null, 3), parser.parse("/incident\u00A0done\u00A03"));
        assertEquals(new Command.Declare("payments-api", "high", null, "Checkout\u00A0failing"),
                parser.parse("declare payments-api\u00A0high\u00A0Checkout\u00A0failing\u00A0"));
    }

    @Test
    void declareTypePrefixIsCaseInsensitive() {
        assertEquals(new Command.Declare("payments-api", "high", "outage", "Down"),
                parser.parse("declare payments-api high TYPE=outage Down"));
    }

    @Test
    void anIncidentKeyOnlyCountsRightAfterTheVerb() {
        assertEquals(new Command.Update(null, "see INC-3 for the cause"), parser.parse("update see INC-3 for the cause"));
    }

    // ---- mistakes, with the exact reply

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            declare => `declare` needs a service.
            declare payments-api => `declare` needs a severity.
            declare payments-api high => `declare` needs a title.
            declare payments-api high type=outage => `declare` needs a title.
            declare payments-api high type= Down => `type=` needs an incident type.
            """)
    void declareMistakes(String input, String problem) {
        assertEquals(problem + DECLARE_USAGE, error(input));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            done => `done` needs a step number. Usage: `done <n>`
            done INC-12 => `done` needs a step number. Usage: `done <n>`
            done two => `two` is not a step number. Usage: `done <n>`
            done 0 => `0` is not a step number. Usage: `done <n>`
            done -1 => `-1` is not a step number. Usage: `done <n>`
            done 1.5 => `1.5` is not a step number. Usage: `done <n>`
            done 99999999999 => `99999999999` is not a step number. Usage: `done <n>`
            done 1 2 => `done` does not take `2`. Usage: `done <n>`
            skip => `skip` needs a step number. Usage: `skip <n> <reason…>`
            skip 2 => `skip` needs a reason. Usage: `skip <n> <reason…>`
            skip INC-12 2 => `skip` needs a reason. Usage: `skip <n> <reason…>`
            skip x not needed => `x` is not a step number. Usage: `skip <n> <reason…>`
            skip 0 not needed => `0` is not a step number. Usage: `skip <n> <reason…>`
            phase => `phase` needs a phase. Usage: `phase <analysis|containment|eradication|recovery>`
            phase INC-12 => `phase` needs a phase. Usage: `phase <analysis|containment|eradication|recovery>`
            phase fixing => `fixing` is not a phase; phases: detection, analysis, containment, eradication, recovery, resolved, closed. Usage: `phase <analysis|containment|eradication|recovery>`
            phase analysis now => `phase` does not take `now`. Usage: `phase <analysis|containment|eradication|recovery>`
            assign => `assign` needs a role. Usage: `assign <role> <@person>`
            assign comms-liaison => `assign` needs a person. Usage: `assign <role> <@person>`
            assign ops @bob @carol => `assign` does not take `@carol`. Usage: `assign <role> <@person>`
            handover => `handover` needs a person. Usage: `handover <@person>`
            handover INC-12 => `handover` needs a person. Usage: `handover <@person>`
            handover @bob now => `handover` does not take `now`. Usage: `handover <@person>`
            handover @ => `handover` needs a person after `@`. Usage: `handover <@person>`
            update => `update` needs the update text. Usage: `update <text…>`
            update INC-12 => `update` needs the update text. Usage: `update <text…>`
            escalate => `escalate` needs a reason. Usage: `escalate <reason…>`
            forensics => `forensics` needs a reason. Usage: `forensics <reason…>`
            resolve => `resolve` needs a summary of what was resolved. Usage: `resolve <summary…>`
            lesson INC-12 => `lesson` needs the lesson. Usage: `lesson [n] <text…>`
            ack now => `ack` does not take `now`. Usage: `ack`
            ack INC-12 please => `ack` does not take `please`. Usage: `ack`
            status INC-12 INC-13 => `status` does not take `INC-13`. Usage: `status`
            steps all of them => `steps` does not take `all of them`. Usage: `steps`
            report draft => `report` does not take `draft`. Usage: `report`
            close INC-12 now => `close` does not take `now`. Usage: `close`
            list open => `list` does not take `open`. Usage: `list`
            plans all => `plans` does not take `all`. Usage: `plans`
            plan => `plan` needs a service. Usage: `plan <service>`
            plan payments-api now => `plan` does not take `now`. Usage: `plan <service>`
            help done now => `help` does not take `now`. Usage: `help [command]`
            """)
    void mistakesSayWhatWasWrongAndShowTheForm(String input, String message) {
        assertEquals(message, error(input));
        assertEquals(message, error("/incident " + input), "after /incident");
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy now", "/incident Deploy", "INC-12 status", "/incidents ack"})
    void unknownCommand(String input) {
        String verb = input.replaceFirst("^/incident ", "").split(" ")[0].toLowerCase();
        assertEquals("Unknown command `" + verb + "`. Commands: " + ALL_WORDS + ". Try `help`.", error(input));
    }

    @Test
    void drillNeedsAServiceAndASeverity() {
        String usage = " Usage: `drill <service> <severity> [type] [title…]`";
        assertEquals("`drill` needs a service." + usage, error("drill"));
        assertEquals("`drill` needs a severity." + usage, error("drill payments-api"));
        assertEquals("`type=` needs an incident type." + usage, error("drill payments-api high type="));
    }

    // ---- help texts

    @Test
    void helpForOneCommand() {
        assertEquals("`done <n>` — Mark step n done.", CommandParser.help("done"));
        assertEquals("`declare <service> <severity> [type=<incident-type>] <title…>` — Declare an incident: opens its "
                + "channel, picks the incident manager, notifies the communication chain.", CommandParser.help("declare"));
        assertEquals("`drill <service> <severity> [type] [title…]` — Declare a practice incident: runs the plan for "
                + "real (timers, escalation) with DRILL on every message; stakeholders are not told unless the plan says "
                + "so.", CommandParser.help("drill"));
    }

    @Test
    void helpForEveryCommandShowsItsForm() {
        for (Usage usage : Usage.values()) {
            assertEquals("`" + usage.form() + "` — " + usage.description(), CommandParser.help(usage.word()));
        }
    }

    @Test
    void helpForAnUnknownCommand() {
        CommandError e = assertThrows(CommandError.class, () -> CommandParser.help("unknown"));
        assertEquals("No command `unknown`. Commands: " + ALL_WORDS + ".", e.getMessage());
    }

    @Test
    void helpListsEveryCommandsForm() {
        String help = CommandParser.help(null);
        String[] lines = help.split("\n");
        assertEquals("*Warroom commands* (type them after `/incident`):", lines[0]);
        assertEquals("Outside an incident's channel, name the incident: `status INC-12`.", lines[lines.length - 1]);
        assertEquals(Usage.values().length + 2, lines.length);
        for (Usage usage : Usage.values()) {
            assertEquals("`" + usage.form() + "` — " + usage.description(), lines[usage.ordinal() + 1]);
        }
        for (String form : new String[]{"declare <service> <severity> [type=<incident-type>] <title…>", "ack", "status",
                "steps", "done <n>", "skip <n> <reason…>", "phase <analysis|containment|eradication|recovery>",
                "assign <role> <@person>", "handover <@person>", "update <text…>", "escalate <reason…>",
                "forensics <reason…>", "resolve <summary…>", "lesson [n] <text…>", "report", "close", "list", "plans",
                "plan <service>", "help [command]", "drill <service> <severity> [type] [title…]"}) {
            assertTrue(help.contains("`" + form + "` — "), form);
        }
    }
}
