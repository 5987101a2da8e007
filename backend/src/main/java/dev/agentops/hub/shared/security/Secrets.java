package dev.agentops.hub.shared.security;

import org.apache.commons.codec.digest.DigestUtils;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/** Random bearer secrets (tokens, keys) and the one-way hashes under which they are stored. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private Secrets() {
    }

    /** {@code length} characters of base62: 32 characters carry about 190 bits. */
    public static String randomToken(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }

    /**
     * SHA-256 hex. Enough for high-entropy secrets (tokens, API keys): no dictionary reaches them, so a slow
     * password hash would only cost latency. Passwords use {@code Passwords} instead.
     */
    public static String sha256(String secret) {
        return DigestUtils.sha256Hex(secret);
    }

    public static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
