package dev.agentops.hub.auth;

import java.time.Instant;
import java.util.UUID;

record RefreshToken(UUID id, UUID organizationId, UUID userId, UUID familyId, Instant expiresAt, Instant usedAt,
                    Instant revokedAt) {

    boolean spent() {
        return usedAt != null || revokedAt != null;
    }
}
