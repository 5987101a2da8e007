package dev.agentops.hub.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One audited change. {@code changes} holds {@code before}/{@code after} values (or other facts about the
 * change); callers put only non-secret fields in it.
 */
public record AuditEvent(String action, String entityType, String entityId, Map<String, Object> changes) {

    public static AuditEvent of(String action, String entityType, Object entityId) {
        return new AuditEvent(action, entityType, entityId == null ? null : entityId.toString(), Map.of());
    }

    public AuditEvent with(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(changes);
        copy.put(key, value);
        return new AuditEvent(action, entityType, entityId, copy);
    }

    public AuditEvent beforeAfter(Object before, Object after) {
        return with("before", before).with("after", after);
    }

    /** Puts {@code key} into one side of a change's view when its value changed: the old value when {@code old}. */
    public static void putIfChanged(Map<String, Object> view, String key, Object before, Object after, boolean old) {
        if (!Objects.equals(before, after)) {
            view.put(key, old ? before : after);
        }
    }
}
