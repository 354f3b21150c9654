package dev.warroom.chat.slack;

import com.slack.api.methods.response.auth.AuthTestResponse;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Who Warroom is in the workspace (bot user, team), asked once with auth.test and retried until
 * Slack answers. Requests never wait for it: Bolt's own authorization would call auth.test on
 * every request and fail them all while Slack's API is unreachable.
 */
@ApplicationScoped
public class BotIdentity {

    private static final Logger LOG = Logger.getLogger(BotIdentity.class);

    @Inject
    SlackSettings settings;
    @Inject
    SlackApi api;

    private final AtomicReference<AuthTestResponse> identity = new AtomicReference<>();

    void onStart(@Observes StartupEvent event) {
        if (settings.enabled()) {
            Thread thread = new Thread(this::resolve, "slack-identity");
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Scheduled(every = "30s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            executeWith = Scheduled.SIMPLE)
    void retryUntilKnown() {
        if (settings.enabled() && identity.get() == null) {
            resolve();
        }
    }

    void resolve() {
        try {
            AuthTestResponse response = api.methods().authTest(r -> r);
            if (response.isOk()) {
                identity.set(response);
                LOG.infof("Slack: signed in as %s in team %s", response.getUser(), response.getTeam());
            } else {
                LOG.errorf("Slack: auth.test refused the bot token: %s", response.getError());
            }
        } catch (Exception e) {
            LOG.warnf("Slack: auth.test failed (%s); requests are still taken, retrying in 30s", e.getMessage());
        }
    }

    public Optional<String> botUserId() {
        return Optional.ofNullable(identity.get()).map(AuthTestResponse::getUserId);
    }

    public Optional<String> botId() {
        return Optional.ofNullable(identity.get()).map(AuthTestResponse::getBotId);
    }
}
