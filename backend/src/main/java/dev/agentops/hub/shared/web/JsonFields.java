package dev.agentops.hub.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON object built in place: keys in the order given, and values may be null (which {@code Map.of} refuses). */
public final class JsonFields {

    private JsonFields() {
    }

    /** {@code of("id", id, "decided_by", null)}: keys (strings) and values, alternating. */
    public static Map<String, Object> of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("JsonFields.of takes keys and values in pairs");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return fields;
    }
}
