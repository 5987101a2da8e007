package dev.agentops.hub.orgs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The answer to an invitation. The link goes to the invitee by e-mail; {@code invite_url} carries it only when the
 * server has no e-mail delivery (development outbox), and is null otherwise: the inviter must not hold a token that
 * lets its holder sign in as an existing account's owner.
 */
@Serdeable
public record InvitationCreated(UUID id, String email, String role, List<String> teams, String status, @Nullable String inviteUrl,
                                Instant inviteExpiresAt) {
}
