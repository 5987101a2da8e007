package dev.agentops.hub.auth;

import dev.agentops.hub.shared.security.SecretBox;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The proof that a password check passed, handed to the client when a second factor is still due. Signed and
 * short-lived (5 minutes), so it needs no table; wrong codes are throttled per user, not per challenge. It names the
 * user's last sign-in at issue time: completing it records a new sign-in only if that is still the last one, so a
 * challenge gives at most one session (and a newer sign-in voids older challenges).
 */
@Singleton
class MfaChallenges {

    private static final long LIFETIME_SECONDS = 300;
    private final SecretBox box;

    MfaChallenges(SecretBox box) {
        this.box = box;
    }

    String issue(UUID userId, UUID organizationId, long loginVersion) {
        String payload = "mfa." + userId + "." + organizationId + "." + (Instant.now().getEpochSecond() + LIFETIME_SECONDS)
            + "." + loginVersion;
        return payload + "." + box.sign(payload);
    }

    Optional<Challenge> open(String challenge) {
        if (challenge == null) {
            return Optional.empty();
        }
        int split = challenge.lastIndexOf('.');
        if (split < 0) {
            return Optional.empty();
        }
        String payload = challenge.substring(0, split);
        String[] parts = payload.split("\\.");
        if (parts.length != 5 || !"mfa".equals(parts[0]) || !box.verify(payload, challenge.substring(split + 1))) {
            return Optional.empty();
        }
        try {
            if (Long.parseLong(parts[3]) < Instant.now().getEpochSecond()) {
                return Optional.empty();
            }
            return Optional.of(new Challenge(UUID.fromString(parts[1]), UUID.fromString(parts[2]), Long.parseLong(parts[4])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    record Challenge(UUID userId, UUID organizationId, long loginVersion) {
    }
}
