package dev.warroom.web.access;

import io.quarkus.vertx.http.security.HttpSecurity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Which paths need a signed-in person when sign-in is on: everything but the platform webhooks
 * (they carry their own signatures and tokens) and Quarkus's health and metrics.
 */
@ApplicationScoped
public class SignInPaths {

    private static final Logger LOG = Logger.getLogger(SignInPaths.class);

    /** Checked by their own means: Slack's signing secret, Bot Framework tokens, Alertmanager's credentials. */
    static final List<String> OWN_CHECKS = List.of("/slack/events", "/api/messages", "/api/alerts/*", "/q/*");
    /** Open to anyone: the page after signing out (behind sign-in, it would sign people straight back in), and its style. */
    static final List<String> PUBLIC = List.of(SignOutResource.SIGNED_OUT, "/dashboard.css");

    @Inject
    SignInSettings settings;

    void secure(@Observes HttpSecurity http) {
        settings.requireAllOrNone();
        if (!settings.enabled()) {
            LOG.warn("Local mode: the dashboard and the API are open to anyone who reaches this server "
                    + "(set WARROOM_OIDC_AUTH_SERVER_URL, WARROOM_OIDC_CLIENT_ID and WARROOM_OIDC_CLIENT_SECRET to require sign-in)");
            return;
        }
        http.path(OWN_CHECKS.toArray(String[]::new)).permit();
        http.path(PUBLIC.toArray(String[]::new)).permit();
        http.path("/*").authenticated();
        LOG.infof("Sign-in on: OpenID Connect provider %s", settings.authServerUrl());
    }

    /** True for paths that never go through OpenID Connect: their own bearer tokens are not mistaken for ours. */
    static boolean needsNoSignIn(String path) {
        return PUBLIC.contains(path) || hasOwnCheck(path);
    }

    private static boolean hasOwnCheck(String path) {
        return OWN_CHECKS.stream().anyMatch(p -> p.endsWith("/*")
                ? path.startsWith(p.substring(0, p.length() - 1)) || path.equals(p.substring(0, p.length() - 2))
                : path.equals(p));
    }
}
