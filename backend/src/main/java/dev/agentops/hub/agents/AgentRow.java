package dev.agentops.hub.agents;

import dev.agentops.hub.shared.security.ActorRef;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A row of {@code agents} as stored (the pausing actor in three columns); {@link Agent} is what the code uses. */
@MappedEntity("agents")
record AgentRow(@Id UUID id, UUID organizationId, String name, String slug, String type, @Nullable String provider, String status,
                @Nullable String team, String[] tags, String environment, @TypeDef(type = DataType.JSON) Map<String, Object> config,
                @Nullable Instant lastRunAt, Instant createdAt, Instant updatedAt, @Nullable String pausedReason,
                @Nullable String pauseSource, @Nullable String pausedByType, @Nullable UUID pausedById,
                @Nullable String pausedByName, @Nullable Instant pausedAt, boolean discovered) {

    Agent toAgent() {
        return new Agent(id, organizationId, name, slug, type, provider, status, team, List.of(tags), environment, config,
            lastRunAt, createdAt, updatedAt, pausedReason, pauseSource, ActorRef.ofNullable(pausedByType, pausedById, pausedByName),
            pausedAt, discovered);
    }
}
