package dev.warroom.web.access;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether the dashboard and the API ask people to sign in (OpenID Connect), and with which provider.
 * With none of the three settings, Warroom runs in local mode: open, with a banner saying so.
 */
@ApplicationScoped
public class SignInSettings {

    @ConfigProperty(name = "warroom.oidc.auth-server-url")
    Optional<String> authServerUrl;
    @ConfigProperty(name = "warroom.oidc.client-id")
    Optional<String> clientId;
    @ConfigProperty(name = "warroom.oidc.client-secret")
    Optional<String> clientSecret;

    public boolean enabled() {
        return authServerUrl.isPresent() && clientId.isPresent() && clientSecret.isPresent();
    }

    public String authServerUrl() {
        return authServerUrl.orElseThrow();
    }

    public String clientId() {
        return clientId.orElseThrow();
    }

    public String clientSecret() {
        return clientSecret.orElseThrow();
    }

    /**
     * Some but not all settings: refused, because falling back to local mode would leave a dashboard
     * that its operator meant to protect open to everyone.
     */
    void requireAllOrNone() {
        List<String> missing = new ArrayList<>();
        if (authServerUrl.isEmpty()) {
            missing.add("WARROOM_OIDC_AUTH_SERVER_URL");
        }
        if (clientId.isEmpty()) {
            missing.add("WARROOM_OIDC_CLIENT_ID");
        }
        if (clientSecret.isEmpty()) {
            missing.add("WARROOM_OIDC_CLIENT_SECRET");
        }
        if (!missing.isEmpty() && missing.size() < 3) {
            throw new IllegalStateException("Sign-in is half configured: set " + String.join(", ", missing)
                    + " too, or unset all WARROOM_OIDC_* variables for local mode (no sign-in)");
        }
    }
}
