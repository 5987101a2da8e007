package dev.agentops.hub.apikeys;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

record ApiKey(UUID id, UUID organizationId, String name, String prefix, String keyHash, List<String> scopes,
              Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt, UUID createdBy) {

    boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
