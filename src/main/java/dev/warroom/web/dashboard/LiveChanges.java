package dev.warroom.web.dashboard;

import dev.warroom.incident.IncidentEventRecorded;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Tells open dashboard pages that some incident changed (every change writes a timeline event), once the
 * change is committed. The signal carries
 * nothing about the incident: each page fetches itself again, so what it shows passes the viewer's access
 * rules. Changes made by another Warroom instance are not seen here (one instance per database for now).
 */
@ApplicationScoped
public class LiveChanges {

    static final String CHANGED = "changed";
    private static final int LIVE_BUFFER = 100;

    private final BroadcastProcessor<String> live = BroadcastProcessor.create();

    /** Buffered per page: a declaration writes several timeline events faster than a page takes them. */
    public Multi<String> stream() {
        return live.onOverflow().buffer(LIVE_BUFFER);
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) IncidentEventRecorded event) {
        live.onNext(CHANGED);
    }
}
