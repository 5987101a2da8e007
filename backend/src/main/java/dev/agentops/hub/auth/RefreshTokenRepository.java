package dev.agentops.hub.auth;

import dev.agentops.hub.shared.db.Jdbc;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Singleton
class RefreshTokenRepository {

    private final Jdbc jdbc;

    RefreshTokenRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID organizationId, UUID userId, UUID familyId, String tokenHash, Instant expiresAt, String ip, String userAgent) {
        jdbc.update("""
            insert into refresh_tokens (organization_id, user_id, family_id, token_hash, expires_at, ip, user_agent)
            values (?, ?, ?, ?, ?, ?, ?)""", organizationId, userId, familyId, tokenHash, expiresAt, ip, userAgent);
    }

    /** Needs the TOKEN_HASH lookup door or the token's tenant scope. */
    Optional<RefreshToken> findByHash(String tokenHash) {
        return jdbc.queryOne("select * from refresh_tokens where token_hash = ?", RefreshTokenRepository::map, tokenHash);
    }

    /** Single use: only one of two concurrent refreshes with the same token can win this update. */
    boolean markUsed(UUID id) {
        return jdbc.update("update refresh_tokens set used_at = now() where id = ? and used_at is null and revoked_at is null", id) == 1;
    }

    int revokeFamily(UUID familyId, String reason) {
        return jdbc.update("update refresh_tokens set revoked_at = now(), revoked_reason = ? where family_id = ? and revoked_at is null",
            reason, familyId);
    }

    /** The sessions (families) it ended. */
    List<UUID> revokeUserInOrganization(UUID organizationId, UUID userId, String reason) {
        return jdbc.query("""
            update refresh_tokens set revoked_at = now(), revoked_reason = ?
             where organization_id = ? and user_id = ? and revoked_at is null
            returning family_id""", row -> row.uuid("family_id"), reason, organizationId, userId).stream().distinct().toList();
    }

    /** Needs the USER lookup door: every organization's sessions of this user. Returns the sessions it ended. */
    List<UUID> revokeUserEverywhere(UUID userId, String reason) {
        return jdbc.query("""
            update refresh_tokens set revoked_at = now(), revoked_reason = ? where user_id = ? and revoked_at is null
            returning family_id""", row -> row.uuid("family_id"), reason, userId).stream().distinct().toList();
    }

    /** True once any token of the session was revoked (logout, reuse, removal, password reset): revocation is final. */
    boolean familyRevoked(UUID familyId) {
        return jdbc.queryOne("select exists (select 1 from refresh_tokens where family_id = ? and revoked_at is not null) as r",
            row -> row.bool("r"), familyId).orElse(false);
    }

    private static RefreshToken map(Jdbc.Row row) throws SQLException {
        return new RefreshToken(row.uuid("id"), row.uuid("organization_id"), row.uuid("user_id"), row.uuid("family_id"),
            row.instant("expires_at"), row.instant("used_at"), row.instant("revoked_at"));
    }
}
