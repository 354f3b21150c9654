package dev.warroom.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Something to do after the incident, with an owner and maybe a due date: recorded with `action`, listed in the report. */
@Entity
@Table(name = "follow_up_action")
public class FollowUpAction extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "incident_id")
    public long incidentId;
    /** 1, 2, ... within the incident. */
    public int number;
    public String text;
    /** A plan person's id. */
    public String owner;
    /** Null when no due date was given. */
    public LocalDate due;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;

    public static List<FollowUpAction> of(long incidentId) {
        return list("incidentId = ?1 order by number", incidentId);
    }
}
