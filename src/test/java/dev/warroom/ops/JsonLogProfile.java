package dev.warroom.ops;

import dev.warroom.support.TeamsProfile;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Production's JSON log format, written to a file the test reads, with the HTTP clients and adapters at
 * DEBUG (where libraries print headers and bodies), and every chat platform on with known secrets. The
 * test's own HTTP client (Apache HttpClient, not in the app) stays quiet: it sends the secrets on purpose.
 */
public class JsonLogProfile implements QuarkusTestProfile {

    static final Path LOG = Path.of("target", "logs", "json-log-" + ProcessHandle.current().pid() + ".log");

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(new TeamsProfile().getConfigOverrides());
        config.put("quarkus.log.file.enabled", "true");
        config.put("quarkus.log.file.path", LOG.toString());
        config.put("quarkus.log.file.json.enabled", "true");
        config.put("quarkus.log.file.level", "DEBUG");
        for (String category : new String[] {"dev.warroom", "com.slack", "com.microsoft", "okhttp3", "io.quarkus.rest",
                "io.quarkus.vertx.http", "org.jboss.resteasy.reactive"}) {
            config.put("quarkus.log.category.\"" + category + "\".level", "DEBUG");
        }
        return config;
    }
}
