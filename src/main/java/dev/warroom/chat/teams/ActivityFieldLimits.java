package dev.warroom.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The longest value Warroom stores for each activity field it remembers a conversation by (the columns of
 * {@code teams_conversation}). Real Teams ids are far shorter; an activity over a limit is refused whole, before
 * anything is stored, rather than failing in the database after it was acknowledged.
 */
final class ActivityFieldLimits {

    private static final Map<String, Integer> LIMITS = new LinkedHashMap<>();

    static {
        LIMITS.put("/conversation/id", 300);
        LIMITS.put("/serviceUrl", 500);
        LIMITS.put("/conversation/tenantId", 100);
        LIMITS.put("/channelData/tenant/id", 100);
        LIMITS.put("/channelData/channel/id", 300);
        LIMITS.put("/conversation/conversationType", 30);
    }

    private ActivityFieldLimits() {
    }

    /** The first field over its limit, as "conversation.id is longer than 300 characters". */
    static Optional<String> overLimit(JsonNode activity) {
        for (Map.Entry<String, Integer> limit : LIMITS.entrySet()) {
            JsonNode value = activity.at(limit.getKey());
            if (value.isValueNode() && value.asText().length() > limit.getValue()) {
                return Optional.of(limit.getKey().substring(1).replace('/', '.') + " is longer than "
                        + limit.getValue() + " characters");
            }
        }
        return Optional.empty();
    }
}
