package dev.warroom.web.access;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * With sign-in on and the identity provider not answering, a page or API call gets a clear 503 at once, instead of
 * OpenID Connect's own error or a wait for its connection to time out. Runs before sign-in; once the provider has
 * answered its discovery document, OpenID Connect holds what it needs and this check stands aside.
 */
@ApplicationScoped
public class SignInProviderCheck {

    private static final Logger LOG = Logger.getLogger(SignInProviderCheck.class);

    static final String UNAVAILABLE =
            "Sign-in is unavailable: the identity provider does not answer. Chat commands still work.";
    private static final int PATIENCE_MILLIS = 3000;

    @Inject
    SignInSettings settings;
    @Inject
    Vertx vertx;

    private volatile boolean answered;
    private volatile WebClient client;

    /** Just before sign-in (a higher priority runs first). */
    void register(@Observes Filters filters) {
        filters.register(this::beforeSignIn, SecurityHandlerPriorities.AUTHENTICATION + 50);
    }

    private void beforeSignIn(RoutingContext context) {
        if (answered || !settings.enabled() || SignInPaths.needsNoSignIn(context.normalizedPath())) {
            context.next();
            return;
        }
        client().getAbs(discoveryUrl()).timeout(PATIENCE_MILLIS).send().onComplete(result -> {
            if (result.succeeded() && result.result().statusCode() == 200) {
                answered = true;
                context.next();
                return;
            }
            LOG.warnf("Sign-in provider %s does not answer: %s", settings.authServerUrl(), result.succeeded()
                    ? "HTTP " + result.result().statusCode() : result.cause().toString());
            context.response().setStatusCode(503).putHeader("Content-Type", "text/plain; charset=UTF-8")
                    .putHeader("Retry-After", "30").end(UNAVAILABLE);
        });
    }

    private String discoveryUrl() {
        return settings.authServerUrl().replaceAll("/+$", "") + "/.well-known/openid-configuration";
    }

    private WebClient client() {
        if (client == null) {
            client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(PATIENCE_MILLIS));
        }
        return client;
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}
