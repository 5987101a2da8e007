package dev.agentops.hub.auth;

import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.security.Role;
import io.micronaut.context.annotation.Value;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Short-lived access JWTs (HS256) naming the user, the organization, the role and the login (session family). */
@Singleton
class AccessTokens {

    static final String ISSUER = "agentops-hub";
    static final String AUDIENCE = "agentops-hub-api";

    private final JwtTokenGenerator generator;
    private final int lifetimeSeconds;

    AccessTokens(JwtTokenGenerator generator, @Value("${agentops.auth.access-token-seconds:900}") int lifetimeSeconds) {
        if (lifetimeSeconds < 60 || lifetimeSeconds > 900) {
            throw new IllegalArgumentException("agentops.auth.access-token-seconds must be between 60 and 900");
        }
        this.generator = generator;
        this.lifetimeSeconds = lifetimeSeconds;
    }

    String issue(UUID userId, UUID organizationId, Role role, UUID sessionFamily) {
        Authentication authentication = Authentication.build(userId.toString(), List.of(role.key()), Map.of(
            Actor.ATTR_ACTOR_TYPE, "user",
            Actor.ATTR_ORG, organizationId.toString(),
            Actor.ATTR_ROLE, role.key(),
            "sid", sessionFamily.toString(),
            "iss", ISSUER,
            "aud", AUDIENCE));
        return generator.generateToken(authentication, lifetimeSeconds)
            .orElseThrow(() -> new IllegalStateException("Could not sign an access token"));
    }

    int lifetimeSeconds() {
        return lifetimeSeconds;
    }
}
