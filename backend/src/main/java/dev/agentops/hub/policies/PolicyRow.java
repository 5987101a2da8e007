package dev.agentops.hub.policies;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A policy as stored: its current version's fields (the status by its wire name). */
@MappedEntity("policies")
record PolicyRow(@Id UUID id, String name, @Nullable String description,
                 @TypeDef(type = DataType.JSON) Map<String, Object> ruleDefinition, PolicyStatus status, int version,
                 @Nullable UUID createdBy, Instant createdAt, Instant updatedAt) {
}
