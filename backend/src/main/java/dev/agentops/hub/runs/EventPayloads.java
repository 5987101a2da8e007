package dev.agentops.hub.runs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One payload shape per event type (docs/api.md, "Event payloads"). Older SDKs sent tool calls as {@code {tool, ...}}
 * and external actions as {@code {action, target, details}}; they are renamed to the canonical keys
 * ({@code tool_name}; {@code action_type}, {@code target}, {@code payload}) when a run is ingested, so new rows are
 * canonical, and again when events are read, so rows stored before the rename read the same. Pure and cheap (a map
 * copy only when an old key is present): it runs for every event of every ingested run.
 */
public final class EventPayloads {

    private EventPayloads() {
    }

    /** The payload in its canonical shape; anything that is not an old-shape tool call or external action is returned as is. */
    public static Object canonical(String eventType, Object payload) {
        if (!(payload instanceof Map<?, ?> map)) {
            return payload;
        }
        if ("tool_call".equals(eventType) && !map.containsKey("tool_name") && map.containsKey("tool")) {
            return renamed(map, Map.of("tool", "tool_name"));
        }
        if ("external_action".equals(eventType) && !map.containsKey("action_type") && map.containsKey("action")) {
            // details -> payload only together with action: a canonical payload may carry its own "details" inside
            return renamed(map, map.containsKey("payload") ? Map.of("action", "action_type")
                : Map.of("action", "action_type", "details", "payload"));
        }
        return payload;
    }

    private static Map<String, Object> renamed(Map<?, ?> map, Map<String, String> renames) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(renames.getOrDefault(String.valueOf(key), String.valueOf(key)), value));
        return copy;
    }
}
