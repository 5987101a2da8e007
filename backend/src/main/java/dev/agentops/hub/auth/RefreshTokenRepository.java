package dev.agentops.hub.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface RefreshTokenRepository extends GenericRepository<RefreshToken, UUID> {

    @Query("""
        insert into refresh_tokens (organization_id, user_id, family_id, token_hash, expires_at, ip, user_agent)
        values (:organizationId, :userId, :familyId, :tokenHash, :expiresAt, :ip, :userAgent)""")
    void insert(UUID organizationId, UUID userId, UUID familyId, String tokenHash, Instant expiresAt, @Nullable String ip,
                @Nullable String userAgent);

    /** Needs the TOKEN_HASH lookup door or the token's tenant scope. */
    @Query("select * from refresh_tokens where token_hash = :tokenHash")
    Optional<RefreshToken> findByHash(String tokenHash);

    /** Single use: only one of two concurrent refreshes with the same token can win this update (1 row, else 0). */
    @Query("update refresh_tokens set used_at = now() where id = :id and used_at is null and revoked_at is null")
    int markUsed(UUID id);

    @Query("""
        update refresh_tokens set revoked_at = now(), revoked_reason = :reason where family_id = :familyId and revoked_at is null""")
    int revokeFamily(UUID familyId, String reason);

    /** The sessions (families) it ended, once per token. */
    @Query("""
        update refresh_tokens set revoked_at = now(), revoked_reason = :reason
         where organization_id = :organizationId and user_id = :userId and revoked_at is null
        returning family_id""")
    List<UUID> revokeUserInOrganization(UUID organizationId, UUID userId, String reason);

    /** Needs the USER lookup door: ends the user's sessions in every organization; returns them, once per token. */
    @Query("""
        update refresh_tokens set revoked_at = now(), revoked_reason = :reason where user_id = :userId and revoked_at is null
        returning family_id""")
    List<UUID> revokeUserEverywhere(UUID userId, String reason);

    /** True once any token of the session was revoked (logout, reuse, removal, password reset): revocation is final. */
    @Query("select exists (select 1 from refresh_tokens where family_id = :familyId and revoked_at is not null)")
    boolean familyRevoked(UUID familyId);
}
