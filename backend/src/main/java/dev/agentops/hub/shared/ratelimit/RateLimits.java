package dev.agentops.hub.shared.ratelimit;

import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The application's limits, parsed once at start-up: a wrong setting stops the start, not a request. */
@Singleton
public class RateLimits {

    public static final String API_KEY = "api_key";
    public static final String ORG_INGEST_EVENTS = "org_ingest_events";
    public static final String SIGNUP_IP = "signup_ip";
    public static final String LOGIN_IP = "login_ip";
    public static final String LOGIN_ACCOUNT = "login_account";
    public static final String PASSWORD_RESET_IP = "password_reset_ip";
    public static final String MFA_USER = "mfa_user";

    private final Map<String, RateLimit> byName = new LinkedHashMap<>();

    RateLimits(RateLimitsConfiguration config) {
        add(API_KEY, config.apiKey());
        add(ORG_INGEST_EVENTS, config.orgIngestEvents());
        add(SIGNUP_IP, config.signupIp());
        add(LOGIN_IP, config.loginIp());
        add(LOGIN_ACCOUNT, config.loginAccount());
        add(PASSWORD_RESET_IP, config.passwordResetIp());
        add(MFA_USER, config.mfaUser());
    }

    private void add(String name, String spec) {
        byName.put(name, RateLimit.parse(name, spec));
    }

    /** Requests per API key (subject: the key's id, never the key). */
    public RateLimit apiKey() {
        return byName.get(API_KEY);
    }

    /** Ingested events per organization (subject: the organization id; tokens: events in the batch). */
    public RateLimit orgIngestEvents() {
        return byName.get(ORG_INGEST_EVENTS);
    }

    public RateLimit signupIp() {
        return byName.get(SIGNUP_IP);
    }

    public RateLimit loginIp() {
        return byName.get(LOGIN_IP);
    }

    /** Login attempts per account (subject: the normalized e-mail; it is hashed before it is stored). */
    public RateLimit loginAccount() {
        return byName.get(LOGIN_ACCOUNT);
    }

    public RateLimit passwordResetIp() {
        return byName.get(PASSWORD_RESET_IP);
    }

    /** MFA code verifications per user (subject: the user id). */
    public RateLimit mfaUser() {
        return byName.get(MFA_USER);
    }

    public RateLimit named(String name) {
        RateLimit limit = byName.get(name);
        if (limit == null) {
            throw new IllegalArgumentException("No rate limit named " + name + "; known: " + byName.keySet());
        }
        return limit;
    }

    public Collection<RateLimit> all() {
        return byName.values();
    }
}
