package dev.warroom.incident;

import dev.warroom.command.CommandError;
import dev.warroom.command.CommandRequest;
import dev.warroom.notify.OutboxWorkers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** The core's front door: every chat adapter hands commands here. */
@ApplicationScoped
public class IncidentCommandService {

    private static final Logger LOG = Logger.getLogger(IncidentCommandService.class);

    @Inject
    CommandApplier applier;
    @Inject
    OutboxWorkers outbox;

    /** Applies a command and has what it caused delivered; mistakes are answered in chat, never thrown. */
    public void handle(CommandRequest request) {
        try {
            applier.apply(request);
        } catch (CommandError error) {
            applier.reject(request, error);
        } catch (RuntimeException unexpected) {
            LOG.errorf(unexpected, "Command `%s` from %s in %s failed", request.text(), request.actor().ref(), request.channel());
            applier.failed(request);
        }
        outbox.deliveryRequested();
    }
}
