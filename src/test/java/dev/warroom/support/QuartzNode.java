package dev.warroom.support;

import dev.warroom.timer.TimerSweepJob;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import org.eclipse.microprofile.config.ConfigProvider;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * One more Warroom scheduler on the app's database, as a second instance would run it: the same Quartz scheduler
 * name, tables and clustered store (with the sweep trigger the app stored at start), the project's
 * {@link TimerSweepJob}, and its own instance id and threads (named after the instance id).
 */
public final class QuartzNode implements AutoCloseable {

    private final Scheduler scheduler;

    private QuartzNode(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Starts a node that joins the cluster of the app's scheduler (named {@code schedulerName}). */
    public static QuartzNode start(String schedulerName, String instanceId, int threads) throws SchedulerException {
        Properties properties = new Properties();
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, schedulerName);
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, instanceId);
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount",
                ConfigProvider.getConfig().getOptionalValue("quarkus.quartz.batch-trigger-acquisition-max-count", String.class)
                        .orElse("1"));
        ConfigProvider.getConfig().getOptionalValue(
                        "quarkus.quartz.unsupported-properties.\"org.quartz.scheduler.idleWaitTime\"", String.class)
                .ifPresent(wait -> properties.setProperty("org.quartz.scheduler.idleWaitTime", wait));
        properties.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        properties.setProperty("org.quartz.threadPool.threadNamePrefix", instanceId);
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.setProperty("org.quartz.jobStore.driverDelegateClass", "io.quarkus.quartz.runtime.jdbc.QuarkusPostgreSQLDelegate");
        properties.setProperty("org.quartz.jobStore.useProperties", "true"); // as quarkus.quartz.serialize-job-data=false
        properties.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        properties.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        properties.setProperty("org.quartz.jobStore.dataSource", "warroom");
        properties.setProperty("org.quartz.dataSource.warroom.connectionProvider.class", AppDatabase.class.getName());
        // Quartz keeps one scheduler per name in a JVM-wide repository, where the app's scheduler already is: set it
        // aside while this node is made, so the node is a scheduler of its own with the same name.
        SchedulerRepository repository = SchedulerRepository.getInstance();
        Scheduler app = repository.lookup(schedulerName);
        repository.remove(schedulerName);
        Scheduler scheduler;
        try {
            scheduler = new StdSchedulerFactory(properties).getScheduler();
        } finally {
            restore(schedulerName, app);
        }
        scheduler.setJobFactory((bundle, s) -> Arc.container().instance(TimerSweepJob.class).get());
        scheduler.start();
        return new QuartzNode(scheduler);
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public void close() throws SchedulerException {
        String name = scheduler.getSchedulerName();
        Scheduler app = SchedulerRepository.getInstance().lookup(name);
        scheduler.shutdown(true); // also drops whatever the repository holds under the name
        restore(name, app);
    }

    private static void restore(String name, Scheduler app) throws SchedulerException {
        SchedulerRepository repository = SchedulerRepository.getInstance();
        repository.remove(name);
        if (app != null) {
            repository.bind(app);
        }
    }

    /** Connections from the app's pool, outside any transaction (Quartz's JobStoreTX commits them itself). */
    public static class AppDatabase implements ConnectionProvider {

        @Override
        public Connection getConnection() throws SQLException {
            return Arc.container().instance(AgroalDataSource.class).get().getConnection();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public void initialize() {
        }
    }
}
