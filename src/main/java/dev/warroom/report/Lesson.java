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

    public static List<Lesson> of(long incidentId) {
        return list("incidentId = ?1 order by id", incidentId);
    }
}
