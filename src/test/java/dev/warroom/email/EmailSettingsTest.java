package dev.warroom.email;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** WARROOM_SMTP_* become the SMTP session's settings: TLS as asked for, a login only when one is set. */
class EmailSettingsTest {

    @Test
    void startTlsRequiredIsRequiredAndTheServerNameIsChecked() {
        Properties session = settings(EmailSettings.StartTls.REQUIRED, false, "warroom@example.com").sessionProperties();
        assertThat(session).containsEntry("mail.smtp.host", "smtp.example.com").containsEntry("mail.smtp.port", "587")
                .containsEntry("mail.smtp.auth", "true")
                .containsEntry("mail.smtp.starttls.enable", "true").containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true")
                .containsEntry("mail.smtp.connectiontimeout", "10000").containsEntry("mail.smtp.timeout", "10000")
                .doesNotContainKey("mail.smtp.ssl.enable");
    }

    @Test
    void startTlsOptionalIsTriedButNotRequired() {
        Properties session = settings(EmailSettings.StartTls.OPTIONAL, false, "").sessionProperties();
        assertThat(session).containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "false").containsEntry("mail.smtp.auth", "false");
    }

    @Test
    void implicitTlsAndNoStartTls() {
        assertThat(settings(EmailSettings.StartTls.REQUIRED, true, "").sessionProperties())
                .containsEntry("mail.smtp.ssl.enable", "true").doesNotContainKey("mail.smtp.starttls.enable");
        assertThat(settings(EmailSettings.StartTls.DISABLED, false, "").sessionProperties())
                .doesNotContainKeys("mail.smtp.ssl.enable", "mail.smtp.starttls.enable");
    }

    private static EmailSettings settings(EmailSettings.StartTls startTls, boolean tls, String username) {
        EmailSettings settings = new EmailSettings();
        settings.host = Optional.of("smtp.example.com");
        settings.port = 587;
        settings.from = Optional.of("Warroom <warroom@example.com>");
        settings.username = Optional.of(username);
        settings.password = Optional.of("secret");
        settings.startTls = startTls;
        settings.tls = tls;
        settings.stepTimeout = Duration.ofSeconds(10);
        return settings;
    }
}
