package dev.warroom.timer;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.DurationConverter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;

/** Runs this instance's {@link TimerPoller} from start to shutdown, unless {@code warroom.timers.poll-every} is off (tests). */
@ApplicationScoped
public class TimerPolling {

    private static final Logger LOG = Logger.getLogger(TimerPolling.class);

    @Inject
    Timers timers;
    @Inject
    TimerFiring firing;
    @Inject
    Clock clock;
    @ConfigProperty(name = "warroom.timers.threads")
    int threads;
    @ConfigProperty(name = "warroom.timers.poll-every")
    String pollEvery;

    private TimerPoller poller;

    void start(@Observes StartupEvent started) {
        if ("off".equals(pollEvery)) {
            LOG.info("Timers are not polled (warroom.timers.poll-every=off)");
            return;
        }
        poller = TimerPoller.start(timers, firing, clock, threads, DurationConverter.parseDuration(pollEvery), "timers");
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (poller != null) {
            poller.close();
        }
    }
}
