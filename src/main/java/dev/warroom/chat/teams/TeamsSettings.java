package dev.warroom.chat.teams;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Microsoft Teams settings from the environment. The adapter is on when the bot's app id and
 * password are set; {@code warroom.teams.auth-disabled=true} turns it on without credentials for
 * local development only, and says so loudly.
 */
@ApplicationScoped
public class TeamsSettings {

    private static final Logger LOG = Logger.getLogger(TeamsSettings.class);
    public static final String BOT_FRAMEWORK_OPENID_METADATA =
            "https://login.botframework.com/v1/.well-known/openidconfiguration";

    @ConfigProperty(name = "warroom.teams.app-id")
    Optional<String> appId;
    @ConfigProperty(name = "warroom.teams.app-password")
    Optional<String> appPassword;
    @ConfigProperty(name = "warroom.teams.tenant-id")
    Optional<String> tenantId;
    @ConfigProperty(name = "warroom.teams.app-type", defaultValue = "MultiTenant")
    String appType;
    @ConfigProperty(name = "warroom.teams.openid-metadata-url", defaultValue = BOT_FRAMEWORK_OPENID_METADATA)
    String openIdMetadataUrl;
    @ConfigProperty(name = "warroom.teams.login-url", defaultValue = "https://login.microsoftonline.com")
    String loginUrl;
    @ConfigProperty(name = "warroom.teams.auth-disabled", defaultValue = "false")
    boolean authDisabled;

    void warnIfUnsafe(@Observes StartupEvent started) {
        if (authDisabled) {
            LOG.warn("!!! warroom.teams.auth-disabled=true: Teams requests on /api/messages are NOT authenticated. "
                    + "Anyone who can reach this server can act as anyone. For local development only. !!!");
        }
        if (configured() && singleTenant() && tenantId().isEmpty()) {
            LOG.warn("MICROSOFT_APP_TYPE=SingleTenant but MICROSOFT_APP_TENANT_ID is not set: Warroom cannot get "
                    + "the bot's token from its tenant, so nothing can be sent to Teams. Set the bot's App Tenant ID.");
        }
    }

    public boolean configured() {
        return !appId().isBlank() && !appPassword().isBlank();
    }

    /** The adapter answers on /api/messages when configured, or when auth was explicitly turned off. */
    public boolean enabled() {
        return configured() || authDisabled;
    }

    public boolean authDisabled() {
        return authDisabled && !configured();
    }

    public String appId() {
        return appId.orElse("").strip();
    }

    public String appPassword() {
        return appPassword.orElse("");
    }

    public Optional<String> tenantId() {
        return tenantId.map(String::strip).filter(t -> !t.isBlank());
    }

    public boolean singleTenant() {
        return "SingleTenant".equalsIgnoreCase(appType.strip());
    }

    public String openIdMetadataUrl() {
        return openIdMetadataUrl;
    }

    /** The token endpoint: the bot's own tenant for single-tenant bots, Bot Framework's for multi-tenant ones. */
    public String tokenUrl() {
        String base = loginUrl.endsWith("/") ? loginUrl.substring(0, loginUrl.length() - 1) : loginUrl;
        String tenant = singleTenant() ? tenantId().orElse("botframework.com") : "botframework.com";
        return base + "/" + tenant + "/oauth2/v2.0/token";
    }
}
