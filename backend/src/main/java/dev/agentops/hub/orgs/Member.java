package dev.agentops.hub.orgs;

import dev.agentops.hub.shared.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A membership of a user in an organization, or an invitation not yet accepted (status invited, no user): a row of
 * {@code organization_members} with its user's name (joined). The role column holds the role's key, which Micronaut's
 * string-to-enum conversion reads back.
 */
@MappedEntity("organization_members")
public record Member(@Id UUID id, UUID organizationId, @Nullable UUID userId, String email, @Nullable String fullName, Role role,
                     @TypeDef(type = DataType.STRING_ARRAY) List<String> teams, String status, @Nullable Instant inviteExpiresAt,
                     Instant createdAt) {

    public boolean active() {
        return "active".equals(status);
    }
}
