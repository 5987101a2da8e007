package dev.agentops.hub.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface PasswordResetRepository extends GenericRepository<PasswordResetRepository.Token, UUID> {

    @MappedEntity("password_reset_tokens")
    record Token(@Id UUID id, UUID userId, String tokenHash, Instant expiresAt, @Nullable Instant usedAt) {
    }

    @Query("insert into password_reset_tokens (user_id, token_hash, expires_at) values (:userId, :tokenHash, :expiresAt)")
    void insert(UUID userId, String tokenHash, Instant expiresAt);

    /** Spends the token: returns its user when it was valid, unused and unexpired, exactly once. */
    default Optional<UUID> consume(String tokenHash) {
        return Optional.ofNullable(spend(tokenHash));
    }

    // not Optional: Micronaut Data answers null, not empty, when an update returns no row
    @Query("""
        update password_reset_tokens set used_at = now()
         where token_hash = :tokenHash and used_at is null and expires_at > now() returning user_id""")
    @Nullable
    UUID spend(String tokenHash);

    @Query("update password_reset_tokens set used_at = now() where user_id = :userId and used_at is null")
    void invalidateOpen(UUID userId);
}
