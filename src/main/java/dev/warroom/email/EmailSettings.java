package dev.warroom.email;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Email's settings from the environment ({@code WARROOM_SMTP_*}, mapped onto Quarkus's mailer in
 * application.properties): email is on only when an SMTP host and a sender address are set.
 */
@ApplicationScoped
public class EmailSettings {

    private static final Logger LOG = Logger.getLogger(EmailSettings.class);

    @ConfigProperty(name = "warroom.smtp.host")
    Optional<String> host;
    @ConfigProperty(name = "quarkus.mailer.from")
    Optional<String> from;

    public boolean enabled() {
        return host.filter(h -> !h.isBlank()).isPresent() && from.filter(f -> !f.isBlank()).isPresent();
    }

    void warnWhenHalfConfigured(@Observes StartupEvent started) {
        if (host.filter(h -> !h.isBlank()).isPresent() && !enabled()) {
            LOG.warn("WARROOM_SMTP_HOST is set but WARROOM_SMTP_FROM is not: email stays off, pages by email wait");
        }
    }
}
