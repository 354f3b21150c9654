package dev.warroom.support;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The fields of a form-encoded request body (Slack's Web API calls, the Teams login), in order. */
public final class FormBody {

    private FormBody() {
    }

    public static Map<String, String> fields(String body) {
        return Arrays.stream(body.split("&")).filter(p -> !p.isEmpty()).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "", (a, b) -> b,
                        LinkedHashMap::new));
    }
}
