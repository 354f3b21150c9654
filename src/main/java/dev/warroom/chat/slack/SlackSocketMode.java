package dev.warroom.chat.slack;

import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Slack's Socket Mode: with SLACK_APP_TOKEN set, Warroom opens a WebSocket to Slack and takes
 * commands, buttons and events through it, so it needs no public URL. The same Bolt listeners
 * handle them as on {@code /slack/events}; Bolt reconnects on its own when the socket drops.
 */
@ApplicationScoped
public class SlackSocketMode {

    private static final Logger LOG = Logger.getLogger(SlackSocketMode.class);

    @ConfigProperty(name = "warroom.slack.app-token")
    Optional<String> appToken;
    @Inject
    SlackSettings settings;
    @Inject
    SlackInbound inbound;

    private volatile SocketModeApp socketMode;

    public boolean enabled() {
        return settings.enabled() && appToken.filter(t -> !t.isBlank()).isPresent();
    }

    void onStart(@Observes StartupEvent event) {
        connect();
    }

    /** Until Slack gave Warroom a socket (it may be unreachable at start), try again every 30 seconds. */
    @Scheduled(every = "30s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            executeWith = Scheduled.SIMPLE)
    void keepTrying() {
        connect();
    }

    /** Opens the socket if Socket Mode is on and no socket is open yet. */
    public synchronized void connect() {
        if (!enabled() || socketMode != null) {
            return;
        }
        SocketModeApp app;
        try {
            // Bolt's own client factory: it wires the socket's messages to the Bolt app's listeners.
            app = new SocketModeApp(appToken.orElseThrow(), SocketModeClient.Backend.JavaWebSocket, inbound.app());
        } catch (java.io.IOException e) {
            LOG.warnf("Slack: Socket Mode unavailable (%s)", e.getMessage());
            return;
        }
        try {
            app.startAsync();
            socketMode = app;
            LOG.info("Slack: Socket Mode on");
        } catch (Exception e) {
            LOG.warnf("Slack: Socket Mode could not connect (%s); retrying in 30s, /slack/events still takes requests",
                    e.getMessage());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (socketMode != null) {
            try {
                socketMode.close();
            } catch (Exception e) {
                LOG.debugf("Slack: Socket Mode close: %s", e.getMessage());
            }
        }
    }
}
