package dev.warroom.report;

import java.util.List;

/**
 * Everything the written report of an incident says, in words, built from stored data only by {@link ReportBuilder}
 * and written out as Markdown by {@link ReportRenderer}. Nothing in it depends on the time it is built, so the same
 * stored facts always give the same report.
 */
public record IncidentReport(Facts facts, List<PhaseLine> phases, List<RoleLine> roles, List<StepLine> mitigation,
                             List<StepLine> recovery, List<EventLine> escalations, Forensics forensics,
                             List<EventLine> updates, List<LessonGroup> lessons, List<ActionLine> actions,
                             DrillScore score) {

    /** The head of the report; times are already written out ("2026-11-25 09:05 UTC (3m after declaration)"). */
    public record Facts(String headline, String key, String title, String service, String planTitle, String severity, String type,
                        boolean drill, String declared, String declaredBy, String acknowledged, String resolved,
                        String closed, String summary, String planOnline, String planOffline) {}

    /** One working phase: how long it took against the plan's target; {@code outcome} is met, missed, no target, ... */
    public record PhaseLine(String phase, String took, String target, String outcome) {
        public boolean met() {
            return outcome.equals(MET);
        }

        public boolean missed() {
            return outcome.equals(MISSED);
        }
    }

    public static final String MET = "met";
    public static final String MISSED = "missed";

    /** Someone holding a role from a time until a time ({@code until} says "still" while they do). */
    public record RoleLine(String role, String person, String from, String until) {}

    public record StepLine(int number, String text, String status, String outcome) {
        /** The Markdown checkbox: ticked when done. */
        public String mark() {
            return status.equals("done") ? "x" : " ";
        }
    }

    public record EventLine(String at, String who, String details) {}

    /** Forensic investigation: each invocation, or why there was none (the plan's criteria were not met). */
    public record Forensics(List<EventLine> invocations, String invokedBy, List<String> criteria) {
        public boolean invoked() {
            return !invocations.isEmpty();
        }
    }

    /** The lessons answering one of the plan's prompts, or "Other" for lessons tied to none. */
    public record LessonGroup(String prompt, List<LessonLine> lessons) {}

    public record LessonLine(String text, String author, String at) {}

    public record ActionLine(int number, String text, String owner, String due) {}

    /** A drill's score of the plan and the team; null for a real incident. */
    public record DrillScore(List<TargetLine> targets, String timeToAcknowledge, List<StepLine> skipped,
                             List<String> unresponsive, List<String> defects) {}

    public record TargetLine(String target, String outcome) {}

    public long targetsMet() {
        return phases.stream().filter(PhaseLine::met).count();
    }

    public long targetsMissed() {
        return phases.stream().filter(PhaseLine::missed).count();
    }

    public long lessonCount() {
        return lessons.stream().mapToLong(g -> g.lessons().size()).sum();
    }
}
