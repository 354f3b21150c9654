package dev.warroom.fuzz;

import java.util.List;

/** Valid command lines, the seeds that fuzz cases start from: every command, right and slightly wrong. */
final class Corpus {

    static final List<String> COMMANDS = List.of(
            "declare payments-api high Checkout failing", "declare payments-api low type=outage Slow pages",
            "declare payments-api medium type=security-breach Leaked key", "declare nothing-here high x", "declare",
            "status", "status INC-1", "ack", "ack INC-1", "steps", "done 1", "done 2 INC-1", "skip 2 not needed here",
            "phase containment", "phase analysis", "phase recovery", "assign technical-expert <@U01BOB>",
            "assign communications-liaison @dave", "handover <@U01BOB>", "handover bob", "update All good now",
            "escalate need the leads", "forensics data may be exposed", "resolve fixed by rollback",
            "lesson pager came late", "report", "close", "list", "plans", "plan payments-api", "help", "help declare",
            "drill payments-api low", "", "incident status", "/incident help");

    private Corpus() {
    }
}
