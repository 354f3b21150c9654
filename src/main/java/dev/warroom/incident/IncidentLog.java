package dev.warroom.incident;

import org.jboss.logging.MDC;

/**
 * Tags the current thread's log lines with the incident they are about (the {@code incident} key of
 * the logging context: a field of every JSON log line), so one grep finds an incident's whole story.
 */
public final class IncidentLog {

    public static final String KEY = "incident";

    private IncidentLog() {
    }

    public static void about(String incidentKey) {
        MDC.put(KEY, incidentKey);
    }

    public static void clear() {
        MDC.remove(KEY);
    }
}
