package dev.agentops.hub.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("refresh_tokens")
record RefreshToken(@Id UUID id, UUID organizationId, UUID userId, UUID familyId, Instant expiresAt, @Nullable Instant usedAt,
                    @Nullable Instant revokedAt) {

    boolean spent() {
        return usedAt != null || revokedAt != null;
    }
}
