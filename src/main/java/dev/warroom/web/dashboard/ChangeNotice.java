package dev.warroom.web.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What one instance tells every instance through PostgreSQL when an incident changed: its key and nothing else, so no
 * detail of a restricted incident passes through the database's notification queue (each instance looks the incident
 * up itself). The JSON is {@code {"incident":"INC-12"}}, far below NOTIFY's 8000-byte limit.
 */
record ChangeNotice(String incidentKey) {

    /** The PostgreSQL notification channel every instance listens on. */
    static final String CHANNEL = "warroom_changes";
    private static final Pattern KEY = Pattern.compile("INC-\\d{1,18}");

    String payload(ObjectMapper json) {
        return json.createObjectNode().put("incident", incidentKey).toString();
    }

    /** Empty for a payload that is not a notice of this form (another version's, or someone's hand-made NOTIFY). */
    static Optional<ChangeNotice> read(String payload, ObjectMapper json) {
        try {
            JsonNode key = json.readTree(payload).path("incident");
            return key.isTextual() && KEY.matcher(key.asText()).matches()
                    ? Optional.of(new ChangeNotice(key.asText())) : Optional.empty();
        } catch (JsonProcessingException | RuntimeException notJson) {
            return Optional.empty();
        }
    }
}
