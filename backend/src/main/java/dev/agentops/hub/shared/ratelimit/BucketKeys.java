package dev.agentops.hub.shared.ratelimit;

import org.apache.commons.codec.digest.DigestUtils;

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
        return "rl:" + limit.name() + ":" + DigestUtils.sha256Hex(subject).substring(0, 32);
    }
}
