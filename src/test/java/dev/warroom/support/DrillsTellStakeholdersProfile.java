package dev.warroom.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.stream.Stream;

/** The shipped plans, with payments-api opting in to telling its stakeholders during drills. */
public class DrillsTellStakeholdersProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            Path dir = Files.createTempDirectory("warroom-plans-");
            try (Stream<Path> files = Files.list(Path.of("manifests/plans"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                    Files.copy(file, dir.resolve(file.getFileName()));
                }
            }
            Files.writeString(dir.resolve("payments-api.yaml"), "\ndrills:\n  notify_stakeholders: true\n",
                    StandardOpenOption.APPEND);
            return Map.of("warroom.plans.dir", dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
