package dev.agentops.hub.auth;

import dev.agentops.hub.shared.db.Jdbc;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@Singleton
class PasswordResetRepository {

    private final Jdbc jdbc;

    PasswordResetRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID userId, String tokenHash, Instant expiresAt) {
        jdbc.update("insert into password_reset_tokens (user_id, token_hash, expires_at) values (?, ?, ?)", userId, tokenHash, expiresAt);
    }

    /** Spends the token: returns its user when it was valid, unused and unexpired, exactly once. */
    Optional<UUID> consume(String tokenHash) {
        return jdbc.queryOne("""
            update password_reset_tokens set used_at = now()
             where token_hash = ? and used_at is null and expires_at > now() returning user_id""",
            row -> row.uuid("user_id"), tokenHash);
    }

    void invalidateOpen(UUID userId) {
        jdbc.update("update password_reset_tokens set used_at = now() where user_id = ? and used_at is null", userId);
    }
}
