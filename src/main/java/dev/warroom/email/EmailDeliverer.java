package dev.warroom.email;

import dev.warroom.command.Message;
import dev.warroom.notify.ChannelOpening;
import dev.warroom.notify.DeliveryRejected;
import dev.warroom.notify.Destination;
import dev.warroom.notify.MessageDeliverer;
import dev.warroom.notify.PlatformRouter;
import dev.warroom.plan.Plan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;

/**
 * Delivers outbox messages to people and stakeholders by email over SMTP, one plain-text email per
 * message, to the plan's {@code email:} contact. Sends synchronously on the outbox worker, a new connection per
 * email (pages are rare): a permanent SMTP refusal (5xx) gives the message up, anything else (4xx, the server
 * unreachable or too slow) is retried with backoff.
 */
@ApplicationScoped
public class EmailDeliverer implements MessageDeliverer {

    @Inject
    EmailSettings settings;
    @Inject
    PlatformRouter router;
    @Inject
    Clock clock;

    private volatile Session session;

    @Override
    public String platform() {
        return PlatformRouter.EMAIL;
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public Optional<Plan.Contact.Kind> contactKind() {
        return Optional.of(Plan.Contact.Kind.EMAIL);
    }

    @Override
    public void open(ChannelOpening opening, Long incidentId) throws DeliveryRejected {
        throw new DeliveryRejected("email has no channels to open");
    }

    @Override
    public void deliver(Destination destination, Message message, Long incidentId) throws Exception {
        String address = router.emailOf(destination).orElseThrow(() -> new DeliveryRejected(
                destination.name() + " has no email contact in the plans"));
        EmailContent email = EmailContent.of(message);
        try {
            MimeMessage mime = new MimeMessage(session());
            mime.setFrom(new InternetAddress(settings.from()));
            mime.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(address, true));
            mime.setSubject(email.subject(), StandardCharsets.UTF_8.name());
            mime.setText(email.body(), StandardCharsets.UTF_8.name());
            mime.setSentDate(Date.from(clock.instant()));
            if (settings.username().isPresent()) {
                Transport.send(mime, settings.username().get(), settings.password());
            } else {
                Transport.send(mime);
            }
        } catch (AddressException e) {
            throw new DeliveryRejected("the plans' email contact " + address + " is not an email address: " + e.getMessage());
        } catch (MessagingException e) {
            Optional<SmtpRefusal> refusal = SmtpRefusal.of(e);
            if (refusal.isPresent()) {
                throw new DeliveryRejected("the mail server refused the email to " + address + ": "
                        + refusal.get().reply());
            }
            throw new Exception("the email to " + address + " was not sent: " + rootMessage(e), e);
        }
    }

    private Session session() {
        if (session == null) {
            session = Session.getInstance(settings.sessionProperties());
        }
        return session;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage()).strip();
    }
}
