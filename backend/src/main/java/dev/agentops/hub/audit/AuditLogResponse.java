package dev.agentops.hub.audit;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

@Serdeable
public record AuditLogResponse(UUID id, long seq, String actorType, UUID actorId, String action, String entityType,
                               String entityId, Map<String, Object> changes, String ip, String userAgent,
                               String requestId, Instant createdAt, String prevHash, String hash) {
}
