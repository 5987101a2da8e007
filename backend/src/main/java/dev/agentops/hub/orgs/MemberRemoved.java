package dev.agentops.hub.orgs;

import java.util.UUID;

/**
 * Published inside the transaction that removes a member, so that listeners (the member's sessions) change in the
 * same transaction.
 */
public record MemberRemoved(UUID organizationId, UUID userId) {
}
