package dev.agentops.hub.auth;

import java.util.UUID;

/** A person who can sign in; belongs to organizations through memberships. */
public record User(UUID id, String email, String passwordHash, String fullName, boolean mfaEnabled,
                   String mfaSecretBoxed, Long mfaLastStep) {
}
