package dev.agentops.hub.policies;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables a rule reads: {@code agent}, {@code action}, {@code run}, {@code budget}, {@code time}, each a JSON
 * object. Built once per check; the CEL form (numbers as Long/Double, nulls as CEL's null) is made on first use and
 * shared by every expression policy of the check.
 */
public final class Facts {

    private final Map<String, Object> variables;
    private Map<String, Object> cel;

    public Facts(Map<String, ?> variables) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (String root : CelRules.ROOTS) {
            Object value = variables.get(root);
            copy.put(root, value instanceof Map<?, ?> ? value : Map.of());
        }
        this.variables = copy;
    }

    public Map<String, Object> variables() {
        return variables;
    }

    /** The value at {@code path} (root first); {@link #MISSING} when a key is absent or a step is not an object. */
    Object resolve(List<String> path) {
        Object current = variables;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return MISSING;
            }
            current = map.get(key);
        }
        return current;
    }

    /**
     * {@code action.*} of a recorded {@code external_action} event, in the shape a check binds: {@code payload} (the
     * action's own data), then {@code target} when present, then {@code type} = {@code action_type}.
     */
    public static Map<String, Object> executedAction(Map<?, ?> eventPayload) {
        Map<String, Object> action = new LinkedHashMap<>();
        if (eventPayload.get("payload") instanceof Map<?, ?> data) {
            data.forEach((key, value) -> action.put(String.valueOf(key), value));
        }
        if (eventPayload.get("target") != null) {
            action.put("target", eventPayload.get("target"));
        }
        action.put("type", eventPayload.get("action_type"));
        return action;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> cel() {
        if (cel == null) {
            cel = (Map<String, Object>) CelRules.normalise(variables);
        }
        return cel;
    }

    /** Marks an absent variable (different from a JSON null). */
    static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "missing";
        }
    };
}
