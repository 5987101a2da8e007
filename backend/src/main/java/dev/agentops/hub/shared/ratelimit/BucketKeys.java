package dev.agentops.hub.shared.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Subjects may be e-mail addresses or IP addresses (personal data) of any length, so every subject is hashed:
 * neither Redis, the in-process map nor a log line ever holds one, and keys have a fixed size. 128 bits of
 * SHA-256 keep collisions out of reach.
 */
final class BucketKeys {

    private BucketKeys() {
    }

    static String of(RateLimit limit, String subject) {
        if (subject == null) {
            throw new IllegalArgumentException("Rate limit " + limit.name() + ": the subject is required");
        }
        return "rl:" + limit.name() + ":" + HexFormat.of().formatHex(sha256(subject), 0, 16);
    }

    private static byte[] sha256(String subject) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime ships SHA-256", e);
        }
    }
}
