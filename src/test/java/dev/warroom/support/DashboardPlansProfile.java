package dev.warroom.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The shipped plans plus one broken plan (src/test/resources/plans/broken), as a plans folder might look
 * after a plan owner pushed a bad edit: the dashboard must show the broken plan's errors beside the good plans.
 */
public class DashboardPlansProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            Path dir = Files.createTempDirectory("warroom-plans-");
            copyYaml(Path.of("manifests/plans"), dir);
            copyYaml(Path.of("src/test/resources/plans/broken"), dir);
            return Map.of("warroom.plans.dir", dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyYaml(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
