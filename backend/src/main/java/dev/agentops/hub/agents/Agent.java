package dev.agentops.hub.agents;

import dev.agentops.hub.shared.security.ActorRef;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Relation;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A row of {@code agents}; the pausing actor is stored in three columns ({@code paused_by_type/id/name}). */
@MappedEntity("agents")
public record Agent(@Id UUID id, UUID organizationId, String name, String slug, String type, @Nullable String provider,
                    String status, @Nullable String team, @TypeDef(type = DataType.STRING_ARRAY) List<String> tags,
                    String environment, @TypeDef(type = DataType.JSON) Map<String, Object> config, @Nullable Instant lastRunAt,
                    Instant createdAt, Instant updatedAt, @Nullable String pausedReason, @Nullable String pauseSource,
                    @Nullable @Relation(Relation.Kind.EMBEDDED) ActorRef pausedBy, @Nullable Instant pausedAt, boolean discovered) {

    public boolean paused() {
        return "paused".equals(status);
    }

    public boolean archived() {
        return AgentStatus.ARCHIVED.wireName().equals(status);
    }
}
