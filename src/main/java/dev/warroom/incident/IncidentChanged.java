package dev.warroom.incident;

/**
 * Fired inside the transaction of every incident change (each change writes a timeline event), so
 * live views can refresh once it commits.
 */
public record IncidentChanged(long incidentId) {}
