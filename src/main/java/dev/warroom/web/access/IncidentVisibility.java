package dev.warroom.web.access;

import dev.warroom.incident.Incident;
import dev.warroom.incident.RestrictedIncidents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Who may see an incident on the pages and in the API. Everyone signed in sees ordinary incidents; a restricted one
 * only the people {@link RestrictedIncidents} allows. Local mode sees everything.
 */
@ApplicationScoped
public class IncidentVisibility {

    @Inject
    RestrictedIncidents restricted;

    public boolean canSee(Viewer viewer, Incident incident) {
        return viewer.localMode() || restricted.maySee(viewer.personId(), incident);
    }

    public List<Incident> visible(Viewer viewer, List<Incident> incidents) {
        return incidents.stream().filter(i -> canSee(viewer, i)).toList();
    }

    public boolean isRestricted(Incident incident) {
        return restricted.isRestricted(incident);
    }
}
