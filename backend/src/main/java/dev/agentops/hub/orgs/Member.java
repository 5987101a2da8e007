package dev.agentops.hub.orgs;

import dev.agentops.hub.shared.security.Role;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A membership of a user in an organization, or an invitation not yet accepted (status invited, no user). */
public record Member(UUID id, UUID organizationId, UUID userId, String email, String fullName, Role role,
                     List<String> teams, String status, Instant inviteExpiresAt, Instant createdAt) {

    public boolean active() {
        return "active".equals(status);
    }
}
