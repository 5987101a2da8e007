package dev.agentops.hub.auth;

import io.micronaut.serde.annotation.Serdeable;

/** What a successful login, signup, MFA check, invitation acceptance or refresh hands back. */
@Serdeable
public record TokenPair(String accessToken, String refreshToken, int expiresIn, String tokenType) {
}
