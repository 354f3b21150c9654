package dev.warroom.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kubernetes manifests parse, name the right kinds, probe the app's health endpoints and carry today's plans. */
class KubernetesManifestsTest {

    static final Path DIR = Path.of("manifests", "kubernetes");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void everyManifestParsesAndTheKindsAreThoseWarroomNeeds() throws IOException {
        Map<String, JsonNode> byKind = documents();
        assertThat(byKind).containsOnlyKeys("Deployment", "Service", "ConfigMap", "Secret", "Kustomization");
        JsonNode kustomization = byKind.get("Kustomization");
        kustomization.path("resources").forEach(r -> assertThat(DIR.resolve(r.asText())).exists());
    }

    @Test
    void theDeploymentRunsTwoReplicasWithProbesOnQuarkusHealth() throws IOException {
        JsonNode deployment = documents().get("Deployment");
        assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(2);
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
        assertThat(env(container)).containsEntry("PORT", "8080").containsEntry("WARROOM_PLANS_DIR", "/plans");
        assertThat(container.at("/resources/requests/memory").asText()).isNotEmpty();
        assertThat(container.at("/resources/limits/memory").asText()).isNotEmpty();
        assertThat(container.at("/envFrom/0/secretRef/name").asText()).isEqualTo(documents().get("Secret").at("/metadata/name").asText());
        assertThat(deployment.at("/spec/template/spec/volumes/0/configMap/name").asText())
                .isEqualTo(documents().get("ConfigMap").at("/metadata/name").asText());
        // Shutdown delay (3 s) + in-flight requests (25 s) + acknowledged work, outbox and timers (25 s).
        assertThat(deployment.at("/spec/template/spec/terminationGracePeriodSeconds").asInt()).isGreaterThan(53);

        JsonNode service = documents().get("Service");
        assertThat(service.at("/spec/selector")).isEqualTo(deployment.at("/spec/template/metadata/labels"));
        assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo(container.at("/ports/0/name").asText());
    }

    @Test
    void theConfigMapHoldsExactlyThePlansOfTheRepository() throws IOException {
        JsonNode data = documents().get("ConfigMap").path("data");
        Map<String, String> plans = new HashMap<>();
        try (Stream<Path> files = Files.list(Path.of("manifests", "plans"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                plans.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        Map<String, String> inConfigMap = new HashMap<>();
        data.fields().forEachRemaining(e -> inConfigMap.put(e.getKey(), e.getValue().asText()));
        assertThat(inConfigMap).isEqualTo(plans);
    }

    @Test
    void theSecretTemplateNamesOnlyVariablesDocumentedInEnvExample() throws IOException {
        Set<String> documented = new TreeSet<>();
        Matcher matcher = Pattern.compile("(?m)^#?\\s*([A-Z][A-Z0-9_]+)=").matcher(Files.readString(Path.of(".env.example")));
        while (matcher.find()) {
            documented.add(matcher.group(1));
        }
        List<String> keys = new ArrayList<>();
        documents().get("Secret").path("stringData").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).isNotEmpty();
        assertThat(documented).containsAll(keys);
    }

    @Test
    void theDockerfileCopiesQuarkussFastJarLayout() throws IOException {
        String dockerfile = Files.readString(DIR.resolve("Dockerfile"));
        assertThat(dockerfile).contains("COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/",
                "COPY --chown=185 target/quarkus-app/app/ /deployments/app/",
                "COPY --chown=185 target/quarkus-app/quarkus/ /deployments/quarkus/",
                "JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"", "EXPOSE 8080");
    }

    /**
     * Figures of bench/memory/run.sh (README "Performance", "Memory"), with the heap capped at 307 MiB: the JVM's resident memory
     * besides the heap, and the heap it had committed, at the peak of the Slack ack benchmark.
     */
    static final int MEASURED_NON_HEAP_MIB = 310;
    static final int MEASURED_HEAP_MIB = 210;
    static final int MEASURED_PEAK_RSS_MIB = 515;

    @Test
    void theContainerMemoryFitsTheMeasuredFigures() throws IOException {
        String javaOpts = dockerfileEnv("JAVA_OPTS");
        assertThat(javaOpts).contains("-XX:+ExitOnOutOfMemoryError", "-XX:+UseG1GC",
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
        Matcher percentage = Pattern.compile("-XX:MaxRAMPercentage=([0-9.]+)").matcher(javaOpts);
        assertThat(percentage.find()).as("JAVA_OPTS sets -XX:MaxRAMPercentage: " + javaOpts).isTrue();

        JsonNode container = documents().get("Deployment").at("/spec/template/spec/containers/0");
        // JAVA_OPTS set here would replace the image's, and JAVA_OPTS_APPEND is ignored once JAVA_OPTS is set.
        assertThat(env(container)).doesNotContainKeys("JAVA_OPTS", "JAVA_OPTS_APPEND");
        double limit = mebibytes(container.at("/resources/limits/memory").asText());
        double request = mebibytes(container.at("/resources/requests/memory").asText());
        double maxHeap = limit * Double.parseDouble(percentage.group(1)) / 100;

        assertThat(maxHeap).as("heap for the measured use, half again").isGreaterThanOrEqualTo(MEASURED_HEAP_MIB * 1.5);
        assertThat(limit - maxHeap).as("room beside the heap").isGreaterThanOrEqualTo(MEASURED_NON_HEAP_MIB);
        assertThat(request).as("the request covers the measured peak").isGreaterThanOrEqualTo(MEASURED_PEAK_RSS_MIB);
        assertThat(request).isLessThanOrEqualTo(limit);
    }

    /** A Kubernetes memory quantity in MiB ({@code 768Mi}, {@code 1Gi}). */
    private static double mebibytes(String quantity) {
        Matcher matcher = Pattern.compile("([0-9.]+)(Mi|Gi)").matcher(quantity);
        assertThat(matcher.matches()).as("memory quantity in Mi or Gi: " + quantity).isTrue();
        double value = Double.parseDouble(matcher.group(1));
        return matcher.group(2).equals("Gi") ? value * 1024 : value;
    }

    /** The value of an {@code ENV NAME="value"} line of the Dockerfile. */
    private static String dockerfileEnv(String name) throws IOException {
        Matcher matcher = Pattern.compile("(?m)^ENV " + name + "=\"([^\"]*)\"$").matcher(Files.readString(DIR.resolve("Dockerfile")));
        assertThat(matcher.find()).as("the Dockerfile sets " + name).isTrue();
        return matcher.group(1);
    }

    private static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new HashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
        return env;
    }

    /** Every YAML document in the folder by kind (one of each kind here). */
    private static Map<String, JsonNode> documents() throws IOException {
        Map<String, JsonNode> byKind = new HashMap<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
                    for (JsonNode doc : YAML.readValues(parser, JsonNode.class).readAll()) {
                        if (doc != null && !(doc instanceof MissingNode)) {
                            assertThat(doc.path("kind").asText()).as(file + " kind").isNotEmpty();
                            assertThat(byKind.put(doc.path("kind").asText(), doc)).as("one " + doc.path("kind")).isNull();
                        }
                    }
                }
            }
        }
        return byKind;
    }
}
