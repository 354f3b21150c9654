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
            if (applier.apply(request)) {
                LOG.infof("`%s` from %s on %s applied", verb(request), request.actor().ref(), request.platform());
            }
        } catch (CommandError error) {
            applier.reject(request, error);
            LOG.infof("`%s` from %s on %s refused: %s", verb(request), request.actor().ref(), request.platform(), error.getMessage());
        } catch (RuntimeException unexpected) {
            LOG.errorf(unexpected, "Command `%s` from %s in %s failed", request.text(), request.actor().ref(), request.channel());
            applier.failed(request);
        } finally {
            IncidentLog.clear();
        }
        outbox.deliveryRequested();
    }

    /** The command's first word: enough to follow what happened without copying what people wrote into the log. */
    private static String verb(CommandRequest request) {
        String text = request.text().strip().replaceFirst("^/?incident\\s+", "");
        int space = text.indexOf(' ');
        return space < 0 ? text : text.substring(0, space);
    }
}
