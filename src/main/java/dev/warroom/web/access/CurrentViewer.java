package dev.warroom.web.access;

import dev.warroom.plan.Plan;
import dev.warroom.plan.PlanRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/** The viewer of the current request, worked out once per request from the sign-in. */
@RequestScoped
public class CurrentViewer {

    @Inject
    SignInSettings settings;
    @Inject
    SecurityIdentity identity;
    @Inject
    PlanRegistry plans;

    private Viewer viewer;

    public Viewer get() {
        if (viewer == null) {
            viewer = resolve();
        }
        return viewer;
    }

    private Viewer resolve() {
        if (!settings.enabled()) {
            return Viewer.local();
        }
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            // Only reachable on paths that need no sign-in; such a viewer sees no restricted incident.
            return new Viewer(false, "anonymous", null);
        }
        Optional<Plan.Person> person = PlanPersonClaims.match(token, plans.people());
        String name = person.map(Plan.Person::name).orElseGet(() -> displayName(token));
        return new Viewer(false, name, person.map(Plan.Person::id).orElse(null));
    }

    private static String displayName(JsonWebToken token) {
        for (String claim : new String[] {"name", "email", "preferred_username"}) {
            Object value = token.getClaim(claim);
            if (value != null && !value.toString().isBlank()) {
                return value.toString().replaceAll("^\"|\"$", "");
            }
        }
        return token.getName() != null ? token.getName() : "signed in";
    }
}
