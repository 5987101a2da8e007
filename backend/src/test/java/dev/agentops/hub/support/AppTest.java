package dev.agentops.hub.support;

import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

/**
 * Base of tests that start the application: real PostgreSQL (as the RLS-bound app role) and real Redis.
 * Subclasses add {@code @MicronautTest(transactional = false)}: a test-wide transaction would hide tenant scoping.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AppTest implements TestPropertyProvider {

    /** The server secret of every test application (tests sign their own JWTs with it). */
    public static final String SERVER_SECRET = "test-secret-0123456789-0123456789-0123456789";
    private static final String[] IDENTITY_LIMITS = {"signup-ip", "login-ip", "login-account", "password-reset-ip", "mfa-user"};

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        TestDatabase.get().micronautProperties().forEach((key, value) -> properties.put(key, String.valueOf(value)));
        properties.put("redis.uri", TestRedis.uri());
        properties.put("agentops.security.secret", SERVER_SECRET);
        properties.put("agentops.email.outbox-dir", TestOutbox.DIRECTORY.toString());
        // Tests sign up and log in hundreds of times from one IP; RateLimitingTest checks the real limits.
        for (String limit : relaxIdentityLimits() ? IDENTITY_LIMITS : new String[0]) {
            properties.put("agentops.rate-limits." + limit, "100000/1s burst 100000");
        }
        properties.putAll(extraProperties());
        return properties;
    }

    /** False keeps the production defaults of the per-IP and per-account identity limits. */
    protected boolean relaxIdentityLimits() {
        return true;
    }

    /** Per-class overrides (smaller pools, limits...). */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }
}
