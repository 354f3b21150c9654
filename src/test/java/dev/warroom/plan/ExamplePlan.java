package dev.warroom.plan;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The shared reference plan (payments-api), loaded as a tree so a test can change one key and read it back:
 * {@code ExamplePlan.load().set("/people/dave/contacts", "[{email: dave@example.com}]").errors()}.
 */
final class ExamplePlan {

    /** The reference plan shared by the whole project; it must validate unchanged. */
    static final Path SHARED = Path.of("..", "shared", "plan-example.yaml");
    static final String FILE = "payments-api.yaml";

    private static final YAMLMapper YAML = new YAMLMapper();

    private final ObjectNode root;

    private ExamplePlan(ObjectNode root) {
        this.root = root;
    }

    static ExamplePlan load() {
        try {
            return new ExamplePlan((ObjectNode) YAML.readTree(Files.readString(SHARED)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the value at a JSON pointer ({@code /roles/incident-manager/eligible/2}) to a YAML snippet. */
    ExamplePlan set(String pointer, String yamlValue) {
        JsonNode value = parse(yamlValue);
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = root.at(at.head());
        if (parent instanceof ArrayNode list) {
            int index = at.last().getMatchingIndex();
            if (index == list.size()) {
                list.add(value);
            } else {
                list.set(index, value);
            }
        } else {
            ((ObjectNode) parent).set(at.last().getMatchingProperty(), value);
        }
        return this;
    }

    ExamplePlan remove(String pointer) {
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = root.at(at.head());
        if (parent instanceof ArrayNode list) {
            list.remove(at.last().getMatchingIndex());
        } else {
            ((ObjectNode) parent).remove(at.last().getMatchingProperty());
        }
        return this;
    }

    String yaml() {
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    PlanReadResult read() {
        return new PlanReader().read(FILE, yaml());
    }

    /** The errors as printed in CI: {@code payments-api.yaml: path: rule}. */
    List<String> errors() {
        return read().errors().stream().map(PlanError::toString).toList();
    }

    private static JsonNode parse(String yamlValue) {
        try {
            JsonNode node = YAML.readTree(yamlValue);
            return node == null || node.isMissingNode() ? YAML.getNodeFactory().nullNode() : node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not YAML: " + yamlValue, e);
        }
    }
}
