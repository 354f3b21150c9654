package dev.warroom.incident;

import dev.warroom.command.Actor;
import dev.warroom.command.Command;
import dev.warroom.command.CommandError;
import dev.warroom.command.CommandParser;
import dev.warroom.plan.PlanRegistry;
import dev.warroom.report.Lesson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Edits and deletions of the chat messages lessons came from: the lesson follows its message. Messages that are
 * no lesson, and lessons of closed incidents, are left alone without a word: chats edit many messages.
 */
@ApplicationScoped
public class LessonEdits {

    private static final Logger LOG = Logger.getLogger(LessonEdits.class);
    private final CommandParser parser = new CommandParser();

    @Inject
    HandledRequests handled;
    @Inject
    Timeline timeline;
    @Inject
    PlanRegistry plans;
    @Inject
    Clock clock;

    /**
     * The message {@code sourceRef} now reads {@code text} (as typed: a thread reply, or a {@code lesson} command).
     * {@code editor} may be null when the platform does not say who edited.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void edited(String sourceRef, String text, Actor editor, String requestId) {
        Optional<Incident> incident = lessonIncident(sourceRef, requestId);
        if (incident.isEmpty()) {
            return;
        }
        Lesson lesson = Lesson.bySource(sourceRef).orElseThrow();
        Optional<Command.AddLesson> written = asLesson(text);
        if (lesson.deletedAt != null || written.isEmpty()) {
            return; // edited into something that is no lesson (a command): the lesson stays as it was
        }
        List<String> prompts = plans.active(incident.get().service).map(p -> p.lessons().prompts()).orElse(List.of());
        PlacedLesson placed = PlacedLesson.of(written.get(), prompts);
        if (placed.text().equals(lesson.text) && java.util.Objects.equals(placed.prompt(), lesson.prompt)) {
            return;
        }
        String before = lesson.prompt == null ? lesson.text : lesson.prompt + ". " + lesson.text;
        lesson.text = placed.text();
        lesson.prompt = placed.prompt();
        lesson.editedAt = clock.instant();
        timeline.add(lesson.incidentId, who(editor, lesson), TimelineEvent.Type.LESSON_EDITED,
                "“" + before + "” → “" + placed.forTimeline() + "”");
    }

    /** The message {@code sourceRef} was deleted in chat: its lesson no longer counts, and is kept for the record. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void deleted(String sourceRef, Actor deleter, String requestId) {
        Optional<Incident> incident = lessonIncident(sourceRef, requestId);
        if (incident.isEmpty()) {
            return;
        }
        Lesson lesson = Lesson.bySource(sourceRef).orElseThrow();
        if (lesson.deletedAt != null) {
            return;
        }
        lesson.deletedAt = clock.instant();
        timeline.add(lesson.incidentId, who(deleter, lesson), TimelineEvent.Type.LESSON_DELETED,
                "“" + (lesson.prompt == null ? lesson.text : lesson.prompt + ". " + lesson.text) + "”");
    }

    /** The open incident, locked, of the lesson from this message, unless this request was handled before. */
    private Optional<Incident> lessonIncident(String sourceRef, String requestId) {
        Optional<Lesson> lesson = Lesson.bySource(sourceRef);
        if (lesson.isEmpty() || !handled.claim(requestId)) {
            return Optional.empty();
        }
        Optional<Incident> incident = Incident.lockById(lesson.get().incidentId).filter(Incident::isOpen);
        if (incident.isEmpty()) {
            LOG.infof("A change to lesson %d's chat message is ignored: its incident is closed", lesson.get().id);
        }
        return incident;
    }

    private Optional<Command.AddLesson> asLesson(String text) {
        String command = CommandParser.startsWithCommand(text) ? text : CommandParser.lessonReply(text);
        try {
            return parser.parse(command) instanceof Command.AddLesson lesson ? Optional.of(lesson) : Optional.empty();
        } catch (CommandError notACommand) {
            return Optional.empty();
        }
    }

    private static String who(Actor actor, Lesson lesson) {
        return actor == null ? lesson.author : actor.ref();
    }
}
