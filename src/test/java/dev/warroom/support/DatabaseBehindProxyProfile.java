package dev.warroom.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** The app reaches the test database through a {@link CuttableProxy}, so a test can take the database away. */
public class DatabaseBehindProxyProfile implements QuarkusTestProfile {

    public static CuttableProxy proxy;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ProxiedDatabase.class));
    }

    /** Started after {@link EmbeddedPostgresTestResource} (higher order), so its datasource address wins. */
    public static class ProxiedDatabase implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            String url = new EmbeddedPostgresTestResource().start().get("quarkus.datasource.jdbc.url");
            URI target = URI.create(url.substring("jdbc:".length()));
            try {
                if (proxy == null) {
                    proxy = new CuttableProxy(target.getHost(), target.getPort());
                }
            } catch (IOException e) {
                throw new IllegalStateException("The database proxy did not start", e);
            }
            return Map.of("quarkus.datasource.jdbc.url", url.replace(":" + target.getPort() + "/", ":" + proxy.port() + "/"),
                    // Pooled connections broken by the cut are found and replaced instead of being handed out again.
                    "quarkus.datasource.jdbc.validation-query-sql", "select 1",
                    "quarkus.datasource.jdbc.background-validation-interval", "1s",
                    "quarkus.datasource.jdbc.acquisition-timeout", "2s",
                    "quarkus.datasource.jdbc.login-timeout", "2s");
        }

        @Override
        public void stop() {
            proxy.restore();
        }

        @Override
        public int order() {
            return 100;
        }
    }
}
