package dev.agentops.hub.apikeys;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@MappedEntity("api_keys")
record ApiKey(@Id UUID id, UUID organizationId, String name, String prefix, String keyHash,
              @TypeDef(type = DataType.STRING_ARRAY) List<String> scopes, Instant createdAt, @Nullable Instant expiresAt,
              @Nullable Instant lastUsedAt, @Nullable Instant revokedAt, @Nullable UUID createdBy) {

    boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
