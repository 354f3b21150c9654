package dev.warroom.incident;

import java.time.Instant;

/**
 * Fired for every timeline event as it is written, with what observers outside the core need to
 * know without loading the incident again (observe it after the transaction succeeds).
 */
public record IncidentEventRecorded(TimelineEvent.Type type, String actor, String details, Instant at, String service,
                                    String severity, Instant declaredAt, boolean drill, String incidentKey) {}
