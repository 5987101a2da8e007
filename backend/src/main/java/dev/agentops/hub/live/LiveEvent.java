package dev.agentops.hub.live;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;
import java.util.UUID;

/** One server-sent event for one organization: {@code run.created}, {@code run.updated}, {@code agent.updated},
 * {@code org.halted}, {@code org.released} or {@code notification.created}. */
@Serdeable
public record LiveEvent(String id, UUID organizationId, String name, Map<String, Object> data) {
}
