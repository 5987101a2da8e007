package dev.agentops.hub.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

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

    /** Like {@link #of}, but a key whose value is null is left out (absent from the JSON rather than null). */
    public static Map<String, Object> present(Object... keysAndValues) {
        Map<String, Object> fields = of(keysAndValues);
        fields.values().removeIf(Objects::isNull);
        return fields;
    }
}
