package dev.warroom.plan;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The plans in force. Reads the plans folder at start and whenever its files change; a plan whose
 * new version is invalid keeps its last good version active, with the errors reported.
 */
@ApplicationScoped
public class PlanRegistry {

    private static final Logger LOG = Logger.getLogger(PlanRegistry.class);

    @ConfigProperty(name = "warroom.plans.dir")
    Path plansDir;
    @Inject
    Clock clock;
    @Inject
    Event<PlansReloaded> reloaded;

    private volatile Map<String, PlanState> states = Map.of();
    private volatile String lastFingerprint = "";

    /** One plan file as Warroom sees it: the version in force (may be an earlier one) and the current file's errors. */
    public record PlanState(String file, String service, Plan active, List<PlanError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    void onStart(@Observes StartupEvent event) {
        reload();
    }

    @Scheduled(every = "${warroom.plans.reload-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            executeWith = Scheduled.SIMPLE)
    void reloadIfChanged() {
        if (!fingerprint().equals(lastFingerprint)) {
            reload();
        }
    }

    /** Re-reads every plan file now. */
    public synchronized List<PlanState> reload() {
        lastFingerprint = fingerprint();
        Map<String, PlanState> previous = states;
        Map<String, PlanState> next = new LinkedHashMap<>();
        for (PlanReadResult result : new PlanDirectoryReader().read(plansDir)) {
            PlanState earlier = previous.get(result.file());
            Plan active = result.isValid() ? result.plan() : earlier == null ? null : earlier.active();
            String service = active != null ? active.service() : result.service();
            next.put(result.file(), new PlanState(result.file(), service, active, List.copyOf(result.errors())));
            if (!result.isValid()) {
                LOG.warnf("Plan %s is invalid%s:%n  %s", result.file(),
                        active != null ? " (its last good version stays active)" : "",
                        result.errors().stream().map(PlanError::toString).collect(Collectors.joining("\n  ")));
            }
        }
        states = next;
        if (reloaded != null) { // null only when a unit test builds the registry by hand, outside CDI
            reloaded.fire(new PlansReloaded(activePlans()));
        }
        LOG.infof("Plans loaded from %s: %s", plansDir.toAbsolutePath(), next.values().stream()
                .map(s -> s.file() + (s.valid() ? "" : " (invalid)")).collect(Collectors.joining(", ")));
        return states();
    }

    public List<PlanState> states() {
        return List.copyOf(states.values());
    }

    public Optional<Plan> active(String service) {
        return activePlans().stream().filter(p -> p.service().equals(service)).findFirst();
    }

    public List<Plan> activePlans() {
        return states.values().stream().map(PlanState::active).filter(p -> p != null)
                .sorted(Comparator.comparing(Plan::service)).toList();
    }

    public boolean isStale(Plan plan) {
        return plan.isStale(today());
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** A plan person by id, from the first active plan that lists them. */
    public Optional<Plan.Person> person(String id) {
        return activePlans().stream().map(p -> p.people().get(id)).filter(p -> p != null).findFirst();
    }

    /** A stakeholder by name, from the first active plan that lists them. */
    public Optional<Plan.Stakeholder> stakeholder(String name) {
        return activePlans().stream()
                .flatMap(p -> p.stakeholders().all().stream())
                .filter(s -> s.name().equals(name)).findFirst();
    }

    /** Every plan person once, by id. */
    public List<Plan.Person> people() {
        Map<String, Plan.Person> all = new LinkedHashMap<>();
        activePlans().forEach(p -> p.people().values().forEach(person -> all.putIfAbsent(person.id(), person)));
        return new ArrayList<>(all.values());
    }

    private String fingerprint() {
        if (!Files.isDirectory(plansDir)) {
            return "missing";
        }
        try (Stream<Path> files = Files.list(plansDir)) {
            // Content, not modification time: an edit within the file system's time granularity still counts.
            return files.sorted().map(f -> {
                try {
                    CRC32 crc = new CRC32();
                    crc.update(Files.readAllBytes(f));
                    return f.getFileName() + ":" + crc.getValue();
                } catch (IOException e) {
                    return f.getFileName() + ":?";
                }
            }).collect(Collectors.joining("|"));
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
