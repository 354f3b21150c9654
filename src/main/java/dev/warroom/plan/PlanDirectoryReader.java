package dev.warroom.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads every plan manifest ({@code *.yaml}, {@code *.yml}) of a directory, in file-name order, and checks the rule
 * that spans files: each service is declared by one file only.
 */
public final class PlanDirectoryReader {

    private final PlanReader reader = new PlanReader();

    /**
     * One result per manifest file. A directory that is missing or cannot be listed gives a single failed result
     * named after the directory; an empty directory gives an empty list.
     */
    public List<PlanReadResult> read(Path dir) {
        String dirName = dir.toString();
        if (!Files.exists(dir)) {
            return List.of(PlanReadResult.failed(dirName, PlanRules.DIRECTORY, PlanRules.NO_SUCH_DIRECTORY));
        }
        if (!Files.isDirectory(dir)) {
            return List.of(PlanReadResult.failed(dirName, PlanRules.DIRECTORY, PlanRules.NOT_A_DIRECTORY));
        }
        List<Path> files;
        try (Stream<Path> entries = Files.list(dir)) {
            files = entries.filter(Files::isRegularFile)
                    .filter(PlanDirectoryReader::isManifest)
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of(PlanReadResult.failed(dirName, PlanRules.DIRECTORY, PlanRules.cannotRead(String.valueOf(e.getMessage()))));
        }
        Map<String, String> fileByService = new HashMap<>();
        List<PlanReadResult> results = new ArrayList<>();
        for (Path file : files) {
            PlanReadResult result = reader.read(file);
            String service = result.service();
            String earlier = service == null ? null : fileByService.putIfAbsent(service, result.file());
            results.add(earlier == null ? result : alreadyDefined(result, earlier));
        }
        return List.copyOf(results);
    }

    private static PlanReadResult alreadyDefined(PlanReadResult result, String earlierFile) {
        List<PlanError> errors = new ArrayList<>(result.errors());
        errors.add(new PlanError(result.file(), "service", PlanRules.serviceAlreadyDefined(result.service(), earlierFile)));
        return new PlanReadResult(result.file(), result.service(), null, errors);
    }

    private static boolean isManifest(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }
}
