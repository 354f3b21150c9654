package dev.warroom.email;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * Email's settings from the environment ({@code WARROOM_SMTP_*}, mapped in application.properties): email is on
 * only when an SMTP host and a sender address are set.
 */
@ApplicationScoped
public class EmailSettings {

    private static final Logger LOG = Logger.getLogger(EmailSettings.class);

    public enum StartTls { DISABLED, OPTIONAL, REQUIRED }

    @ConfigProperty(name = "warroom.smtp.host")
    Optional<String> host;
    @ConfigProperty(name = "warroom.smtp.port")
    int port;
    @ConfigProperty(name = "warroom.smtp.from")
    Optional<String> from;
    @ConfigProperty(name = "warroom.smtp.username")
    Optional<String> username;
    @ConfigProperty(name = "warroom.smtp.password")
    Optional<String> password;
    @ConfigProperty(name = "warroom.smtp.start-tls")
    StartTls startTls;
    @ConfigProperty(name = "warroom.smtp.tls")
    boolean tls;
    @ConfigProperty(name = "warroom.smtp.step-timeout")
    Duration stepTimeout;

    public boolean enabled() {
        return host.filter(h -> !h.isBlank()).isPresent() && from.filter(f -> !f.isBlank()).isPresent();
    }

    String from() {
        return from.orElseThrow();
    }

    /** The login, when the server wants one. */
    Optional<String> username() {
        return username.filter(u -> !u.isBlank());
    }

    String password() {
        return password.orElse("");
    }

    /** Jakarta Mail's session properties for this server. */
    Properties sessionProperties() {
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", host.orElseThrow().strip());
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.auth", String.valueOf(username().isPresent()));
        String timeout = String.valueOf(stepTimeout.toMillis());
        properties.put("mail.smtp.connectiontimeout", timeout);
        properties.put("mail.smtp.timeout", timeout);
        properties.put("mail.smtp.writetimeout", timeout);
        if (tls) {
            properties.put("mail.smtp.ssl.enable", "true");
            properties.put("mail.smtp.ssl.checkserveridentity", "true");
        } else if (startTls != StartTls.DISABLED) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", String.valueOf(startTls == StartTls.REQUIRED));
            properties.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        return properties;
    }

    void warnWhenHalfConfigured(@Observes StartupEvent started) {
        if (host.filter(h -> !h.isBlank()).isPresent() && !enabled()) {
            LOG.warn("WARROOM_SMTP_HOST is set but WARROOM_SMTP_FROM is not: email stays off, pages by email wait");
        }
    }
}
