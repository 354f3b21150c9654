package dev.warroom.notify;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A message waiting to be delivered, committed with the change that caused it. */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {

    public enum Status { PENDING, SENT, FAILED }

    /** A message to post, or a channel to open. */
    public enum Kind { MESSAGE, OPEN_CHANNEL }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "incident_id")
    public Long incidentId;
    public String platform;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Enumerated(EnumType.STRING)
    @Column(name = "destination_kind")
    public Destination.Kind destinationKind;
    public String destination;
    /** The neutral {@link dev.warroom.command.Message} or {@link ChannelOpening} as JSON. */
    public String body;
    @Enumerated(EnumType.STRING)
    public Status status;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "sent_at")
    public Instant sentAt;
    @Column(name = "last_error")
    public String lastError;
    /** The last try failed with no answer saying what happened: the message may have arrived. */
    @Column(name = "outcome_unknown")
    public boolean outcomeUnknown;

    public Destination destination() {
        return new Destination(destinationKind, destination);
    }
}
