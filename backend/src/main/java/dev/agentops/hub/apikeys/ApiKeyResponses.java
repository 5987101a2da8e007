package dev.agentops.hub.apikeys;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

final class ApiKeyResponses {

    private ApiKeyResponses() {
    }

    /** Never carries the key or its hash. */
    @Serdeable
    @Schema(name = "ApiKeyResponse")
    record View(UUID id, String name, String prefix, List<String> scopes, Instant createdAt, Instant expiresAt,
                Instant lastUsedAt, Instant revokedAt) {
        static View of(ApiKey key) {
            return new View(key.id(), key.name(), key.prefix(), key.scopes(), key.createdAt(), key.expiresAt(),
                key.lastUsedAt(), key.revokedAt());
        }
    }

    /** The one response that shows the key itself. */
    @Serdeable
    @Schema(name = "ApiKeyCreatedResponse")
    record Created(UUID id, String name, String key, String prefix, List<String> scopes, Instant expiresAt, Instant createdAt) {
    }
}
