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

/** A row of {@code organization_members} with its user's name (joined); {@link Member} is what the code uses. */
@MappedEntity("organization_members")
record MemberRow(@Id UUID id, UUID organizationId, @Nullable UUID userId, String email, @Nullable String fullName, String role,
                 @TypeDef(type = DataType.STRING_ARRAY) List<String> teams, String status, @Nullable Instant inviteExpiresAt,
                 Instant createdAt) {

    Member toMember() {
        return new Member(id, organizationId, userId, email, fullName, Role.fromKey(role).orElseThrow(), List.copyOf(teams), status,
            inviteExpiresAt, createdAt);
    }
}
