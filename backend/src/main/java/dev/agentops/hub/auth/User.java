package dev.agentops.hub.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.util.UUID;

/** A person who can sign in; belongs to organizations through memberships. */
@MappedEntity("users")
public record User(@Id UUID id, String email, String passwordHash, String fullName, boolean mfaEnabled,
                   @Nullable @MappedProperty("mfa_secret") String mfaSecretBoxed, @Nullable Long mfaLastStep) {
}
