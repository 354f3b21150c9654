package dev.warroom.incident;

import dev.warroom.command.Command;

import java.util.List;

/**
 * A lesson as written, placed under the plan's lessons prompts. A number that names no prompt is kept in the text
 * ({@code unknownPrompt}), so nothing written is lost and the writer can be told.
 */
record PlacedLesson(Integer prompt, String text, Integer unknownPrompt) {

    static PlacedLesson of(Command.AddLesson lesson, List<String> prompts) {
        Integer number = lesson.prompt();
        if (number == null) {
            return new PlacedLesson(null, lesson.text(), null);
        }
        if (number >= 1 && number <= prompts.size()) {
            return new PlacedLesson(number, lesson.text(), null);
        }
        return new PlacedLesson(null, number + " " + lesson.text(), number);
    }

    /** How the timeline shows it: the prompt's number first when it has one. */
    String forTimeline() {
        return prompt == null ? text : prompt + ". " + text;
    }
}
