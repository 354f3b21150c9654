package dev.warroom.incident;

/**
 * An alerting system's notification about one group of alerts, already mapped to a plan: the core
 * needs only the group's identity, whether it fires, and what to declare.
 *
 * @param severityNote why the severity was chosen when the alert did not name one (shown in the timeline), or null
 */
public record AlertNotice(String source, String groupKey, boolean firing, int alertCount, String service, String severity,
                          String incidentType, String title, String severityNote) {}
