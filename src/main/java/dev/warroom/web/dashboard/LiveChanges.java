package dev.warroom.web.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warroom.incident.Incident;
import dev.warroom.web.access.Audience;
import dev.warroom.web.access.IncidentVisibility;
import dev.warroom.web.access.Viewer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Tells open dashboard pages what changed, as {@link ChangeListener} hears it from every Warroom instance on the
 * database. A page hears the key of a changed incident only if its viewer may see that incident, and
 * {@value #REFRESH} when changes may have been missed; either way it fetches itself again, so what it shows passes the
 * viewer's access rules.
 */
@ApplicationScoped
public class LiveChanges {

    static final String REFRESH = "refresh";
    private static final Logger LOG = Logger.getLogger(LiveChanges.class);
    private static final int LIVE_BUFFER = 100;

    private record Signal(String data, Audience audience) {}

    private final BroadcastProcessor<Signal> live = BroadcastProcessor.create();

    @Inject
    IncidentVisibility visibility;
    @Inject
    ObjectMapper json;

    /** Buffered per page: a burst of changes can come faster than a page takes them. */
    public Multi<String> stream(Viewer viewer) {
        return live.filter(signal -> signal.audience().includes(viewer)).map(Signal::data)
                .onOverflow().buffer(LIVE_BUFFER);
    }

    /** A notification's payload from the database: some instance committed a change to an incident. */
    void heard(String payload) {
        Optional<ChangeNotice> notice = ChangeNotice.read(payload, json);
        if (notice.isEmpty()) {
            LOG.debugf("Live updates: ignored a notice not of this version's form: %.200s", payload);
            return;
        }
        String key = notice.get().incidentKey();
        audienceOf(key).ifPresent(audience -> live.onNext(new Signal(key, audience)));
    }

    /** Every page refreshes: changes may have been committed while nobody listened. */
    void refreshAll() {
        live.onNext(new Signal(REFRESH, Audience.EVERYONE));
    }

    /** Empty for an incident that is not (or no longer) there: nobody hears of it. */
    private Optional<Audience> audienceOf(String key) {
        return QuarkusTransaction.requiringNew().call(() -> Incident.findByKey(key).map(visibility::audience));
    }
}
