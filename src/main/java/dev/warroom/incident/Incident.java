package dev.warroom.incident;

import dev.warroom.plan.Phase;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One incident: what broke, how bad, where it stands and who leads it. */
@Entity
public class Incident extends PanacheEntityBase {

    private static final Pattern KEY = Pattern.compile("(?i)INC-(\\d+)");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public int number;
    public String service;
    public String severity;
    @Column(name = "incident_type")
    public String incidentType;
    public String title;
    public String channel;
    /** The chat platform the incident lives on: where its channel is opened. */
    public String platform;
    @Enumerated(EnumType.STRING)
    public Phase phase;
    @Column(name = "phase_entered_at")
    public Instant phaseEnteredAt;
    @Column(name = "declared_by")
    public String declaredBy;
    @Column(name = "declared_at")
    public Instant declaredAt;
    /** Person id of the incident manager; null while nobody could be assigned. */
    public String manager;
    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;
    @Column(name = "escalation_level")
    public int escalationLevel;
    @Column(name = "last_update_at")
    public Instant lastUpdateAt;
    /** Status-update reminders missed in a row; an update resets it. */
    @Column(name = "missed_updates")
    public int missedUpdates;
    /** How often the last escalation level was paged again; the plan's {@code repeat} caps it. */
    @Column(name = "escalation_repeats")
    public int escalationRepeats;
    public String summary;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    public boolean drill;
    @Version
    public long version;

    public String key() {
        return "INC-" + number;
    }

    public boolean isOpen() {
        return phase != Phase.CLOSED;
    }

    /** The incident number in a key such as {@code INC-12}, if the text is one. */
    public static Optional<Integer> numberOf(String key) {
        Matcher matcher = KEY.matcher(key == null ? "" : key.strip());
        return matcher.matches() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    public static Optional<Incident> findByKey(String key) {
        return numberOf(key).flatMap(n -> find("number", n).firstResultOptional());
    }

    /** The incident locked for this transaction, so concurrent commands on it apply one after another. */
    public static Optional<Incident> lockByKey(String key) {
        return numberOf(key).flatMap(n -> find("number", n).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional());
    }

    public static Optional<Incident> lockById(long id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public static Optional<Incident> findByChannel(String channel) {
        return find("channel", channel).firstResultOptional();
    }

    public static Optional<Incident> lockByChannel(String channel) {
        return find("channel", channel).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public static List<Incident> open() {
        return list("phase <> ?1 order by number", Phase.CLOSED);
    }

    public static List<Incident> managedBy(String person) {
        return list("manager = ?1 and phase <> ?2 order by number", person, Phase.CLOSED);
    }

    /** The channel name for a new incident: {@code inc-12-checkout-failing}. */
    public static String channelName(int number, String title) {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "inc-" + number : "inc-" + number + "-" + slug;
    }
}
