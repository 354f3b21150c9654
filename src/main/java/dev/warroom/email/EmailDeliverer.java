package dev.warroom.email;

import dev.warroom.command.Message;
import dev.warroom.notify.ChannelOpening;
import dev.warroom.notify.DeliveryRejected;
import dev.warroom.notify.Destination;
import dev.warroom.notify.MessageDeliverer;
import dev.warroom.notify.PlatformRouter;
import dev.warroom.plan.Plan;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.vertx.ext.mail.SMTPException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Delivers outbox messages to people and stakeholders by email over SMTP, one plain-text email per
 * message, to the plan's {@code email:} contact. Sends synchronously inside the outbox dispatcher's
 * transaction: a permanent SMTP refusal (5xx) gives the message up, anything else (4xx, the server
 * unreachable) is retried with backoff.
 */
@ApplicationScoped
public class EmailDeliverer implements MessageDeliverer {

    private static final Duration SEND_WITHIN = Duration.ofSeconds(20);

    @Inject
    EmailSettings settings;
    @Inject
    Mailer mailer;
    @Inject
    PlatformRouter router;

    /**
     * The blocking mailer waits for the SMTP client, whose callbacks run on the Vert.x context of the calling
     * thread: called from a request's worker context it can wait on itself until the server hangs up. A plain
     * thread of its own gets an event-loop context for the client instead. A thread per send, not one for all: a
     * send stuck on a dead connection held the only thread, and every email after it timed out behind it.
     */
    private final ExecutorService sender = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "warroom-email-sender");
        thread.setDaemon(true);
        return thread;
    });

    @PreDestroy
    void stop() {
        sender.shutdownNow();
    }

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
        Future<?> sending = sender.submit(() -> mailer.send(Mail.withText(address, email.subject(), email.body())));
        try {
            sending.get(SEND_WITHIN.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            sending.cancel(true);
            throw new Exception("the email to " + address + " was not sent within " + SEND_WITHIN.toSeconds() + "s", e);
        } catch (ExecutionException wrapped) {
            RuntimeException e = wrapped.getCause() instanceof RuntimeException r ? r : new RuntimeException(wrapped.getCause());
            Optional<SMTPException> refusal = smtpRefusal(e);
            if (refusal.isPresent() && refusal.get().isPermanent()) {
                throw new DeliveryRejected("the mail server refused the email to " + address + ": "
                        + refusal.get().getMessage());
            }
            throw new Exception("the email to " + address + " was not sent: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    /** The mailer wraps the SMTP client's failure (not a RuntimeException) in its own. */
    private static Optional<SMTPException> smtpRefusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPException smtp) {
                return Optional.of(smtp);
            }
        }
        return Optional.empty();
    }
}
