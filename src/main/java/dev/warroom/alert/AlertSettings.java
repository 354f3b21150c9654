package dev.warroom.alert;

import dev.warroom.notify.PlatformRouter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** How alerts become incidents: the shared secret, the labels read, the severity mapping, where the declare notice goes. */
@ApplicationScoped
public class AlertSettings {

    @ConfigProperty(name = "warroom.alerts.token")
    Optional<String> token;
    @ConfigProperty(name = "warroom.alerts.service-label", defaultValue = "service")
    String serviceLabel;
    @ConfigProperty(name = "warroom.alerts.severity-label", defaultValue = "severity")
    String severityLabel;
    @ConfigProperty(name = "warroom.alerts.type-label", defaultValue = "incident_type")
    String typeLabel;
    @ConfigProperty(name = "warroom.alerts.severity-map", defaultValue = "critical=high,error=high,warning=medium,info=low")
    String severityMap;
    @ConfigProperty(name = "warroom.alerts.platform")
    Optional<String> platform;
    @ConfigProperty(name = "warroom.alerts.channel", defaultValue = "incidents")
    String channel;
    @Inject
    PlatformRouter router;

    public Optional<String> token() {
        return token.filter(t -> !t.isBlank());
    }

    public String serviceLabel() {
        return serviceLabel;
    }

    public String severityLabel() {
        return severityLabel;
    }

    public String typeLabel() {
        return typeLabel;
    }

    /** Alert severity (lower case) → plan severity, from {@code critical=high,warning=medium}. */
    public Map<String, String> severityMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : severityMap.split(",")) {
            String[] parts = pair.split("=", 2);
            if (parts.length == 2 && !parts[0].isBlank() && !parts[1].isBlank()) {
                map.put(parts[0].strip().toLowerCase(Locale.ROOT), parts[1].strip());
            }
        }
        return map;
    }

    /** The configured platform, else the first chat platform that is on (Slack, then Teams), else the local chat. */
    public String platform() {
        List<String> enabled = router.enabledPlatforms();
        return platform.filter(p -> !p.isBlank())
                .or(() -> List.of("slack", "teams").stream().filter(enabled::contains).findFirst())
                .orElse(PlatformRouter.LOCAL);
    }

    /** The channel where an alert's declare notice is posted (the incident gets its own channel as always). */
    public String channel() {
        return channel;
    }
}
