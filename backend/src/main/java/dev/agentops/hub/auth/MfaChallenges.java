package dev.agentops.hub.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.micronaut.security.token.jwt.validator.JsonWebTokenSignatureValidator;
import jakarta.inject.Singleton;

import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The proof that a password check passed, handed to the client when a second factor is still due: a JWT signed like
 * the access tokens, valid 5 minutes, so it needs no table; wrong codes are throttled per user, not per challenge. Its
 * audience is not the API's, so it is never accepted as an access token. It names the user's last sign-in at issue
 * time: completing it records a new sign-in only if that is still the last one, so a challenge gives at most one
 * session (and a newer sign-in voids older challenges).
 */
@Singleton
class MfaChallenges {

    static final String AUDIENCE = "agentops-hub-mfa";
    private static final int LIFETIME_SECONDS = 300;
    private final JwtTokenGenerator generator;
    private final JsonWebTokenSignatureValidator<SignedJWT> signatures;

    MfaChallenges(JwtTokenGenerator generator, JsonWebTokenSignatureValidator<SignedJWT> signatures) {
        this.generator = generator;
        this.signatures = signatures;
    }

    /** Only the claims it needs, so that it stays within the 300 characters the verify request accepts. */
    String issue(UUID userId, UUID organizationId, long loginVersion) {
        return generator.generateToken(Map.of("sub", userId.toString(), "aud", AUDIENCE, "org", organizationId.toString(),
                "lv", loginVersion, "exp", Instant.now().getEpochSecond() + LIFETIME_SECONDS))
            .orElseThrow(() -> new IllegalStateException("Could not sign a sign-in challenge"));
    }

    Optional<Challenge> open(String challenge) {
        if (challenge == null) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(challenge);
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!List.of(AUDIENCE).equals(claims.getAudience()) || claims.getExpirationTime() == null
                || claims.getExpirationTime().toInstant().isBefore(Instant.now()) || !signatures.validateSignature(jwt)) {
                return Optional.empty();
            }
            return Optional.of(new Challenge(UUID.fromString(claims.getSubject()), UUID.fromString(claims.getStringClaim("org")),
                claims.getLongClaim("lv")));
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }

    record Challenge(UUID userId, UUID organizationId, long loginVersion) {
    }
}
