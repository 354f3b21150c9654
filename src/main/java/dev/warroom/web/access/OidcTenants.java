package dev.warroom.web.access;

import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The two faces of sign-in, built from {@link SignInSettings} only when they are set (so an unconfigured
 * Warroom never contacts a provider): pages sign people in with the authorization code flow, the
 * {@code /api} takes bearer tokens of the same provider whose audience is the client id.
 */
@ApplicationScoped
public class OidcTenants implements TenantConfigResolver {

    static final String PAGES = "warroom-pages";
    static final String API = "warroom-api";
    /** Where the provider sends people back after sign-in. */
    public static final String SIGNED_IN = "/dashboard/signed-in";

    @Inject
    SignInSettings settings;

    private volatile OidcTenantConfig pages;
    private volatile OidcTenantConfig api;

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> requestContext) {
        String path = context.normalizedPath();
        if (!settings.enabled() || SignInPaths.needsNoSignIn(path)) {
            return null; // the default tenant, which is off: no OpenID Connect here
        }
        return Uni.createFrom().item(path.equals("/api") || path.startsWith("/api/") ? api() : pages());
    }

    private OidcTenantConfig pages() {
        if (pages == null) {
            pages = OidcTenantConfig.builder().tenantId(PAGES)
                    .authServerUrl(settings.authServerUrl()).clientId(settings.clientId())
                    .credentials(settings.clientSecret())
                    .applicationType(ApplicationType.WEB_APP)
                    // One redirect URI to register at the provider; people land on the page they asked for.
                    .authentication().scopes("email", "profile").redirectPath(SIGNED_IN).restorePathAfterRedirect(true).end()
                    .build();
        }
        return pages;
    }

    private OidcTenantConfig api() {
        if (api == null) {
            api = OidcTenantConfig.builder().tenantId(API)
                    .authServerUrl(settings.authServerUrl()).clientId(settings.clientId())
                    .credentials(settings.clientSecret())
                    .applicationType(ApplicationType.SERVICE)
                    .token().audience(settings.clientId()).end()
                    .build();
        }
        return api;
    }
}
