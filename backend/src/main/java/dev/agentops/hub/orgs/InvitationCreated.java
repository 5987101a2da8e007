package dev.agentops.hub.orgs;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The only response that carries the invitation link; it is also e-mailed to the invitee. */
@Serdeable
public record InvitationCreated(UUID id, String email, String role, List<String> teams, String status, String inviteUrl,
                                Instant inviteExpiresAt) {
}
