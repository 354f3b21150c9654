package dev.warroom.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.List;

/** A lesson learned, added with `lesson` or as a reply in the lessons-learned thread. */
@Entity
public class Lesson extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "incident_id")
    public long incidentId;
    public String author;
    public String text;
    @Column(name = "created_at")
    public Instant createdAt;
    /** 1-based index into the plan's lessons.prompts; null when the lesson answers none in particular. */
    public Integer prompt;
    /** The chat message the lesson came from, so its edits and deletion reach the lesson; null for `lesson`. */
    @Column(name = "source_ref")
    public String sourceRef;
    @Column(name = "edited_at")
    public Instant editedAt;
    /** Deleted in chat: kept for the record, left out of reports and counts. */
    @Column(name = "deleted_at")
    public Instant deletedAt;

    /** The lesson that came from this chat message (see {@link #sourceRef}), deleted or not. */
    public static java.util.Optional<Lesson> bySource(String sourceRef) {
        return find("sourceRef = ?1 order by id", sourceRef).firstResultOptional();
    }

    /** The incident's lessons that stand (not deleted in chat), oldest first. */
    public static List<Lesson> of(long incidentId) {
        return list("incidentId = ?1 and deletedAt is null order by id", incidentId);
    }
}
