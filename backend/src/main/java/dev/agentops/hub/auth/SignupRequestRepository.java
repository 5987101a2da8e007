package dev.agentops.hub.auth;

import dev.agentops.hub.shared.db.Jdbc;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;

/** Pending signups (see V012): hand-written SQL like the password-reset tokens, a global table with no tenant. */
@Singleton
class SignupRequestRepository {

    /** What a confirmed signup creates. */
    record Pending(String email, String passwordHash, String fullName, String organizationName) {
    }

    private final Jdbc jdbc;

    SignupRequestRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String tokenHash, Pending pending, Instant expiresAt) {
        jdbc.update("""
            insert into signup_requests (token_hash, email, password_hash, full_name, organization_name, expires_at)
            values (?, ?, ?, ?, ?, ?)""",
            tokenHash, pending.email(), pending.passwordHash(), pending.fullName(), pending.organizationName(), expiresAt);
    }

    /** Spends the token: returns its signup when it was valid, unused and unexpired, exactly once. */
    Optional<Pending> consume(String tokenHash) {
        return jdbc.queryOne("""
            update signup_requests set used_at = now()
             where token_hash = ? and used_at is null and expires_at > now()
            returning email, password_hash, full_name, organization_name""",
            row -> new Pending(row.string("email"), row.string("password_hash"), row.string("full_name"),
                row.string("organization_name")), tokenHash);
    }

    /** Keeps the table small: requests a day past their expiry are of no use, not even to explain an error. */
    int deleteExpired() {
        return jdbc.update("delete from signup_requests where expires_at < now() - interval '1 day'");
    }
}
