package dev.agentops.hub.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface RecoveryCodeRepository extends GenericRepository<RecoveryCodeRepository.Code, UUID> {

    @MappedEntity("mfa_recovery_codes")
    record Code(@Id UUID id, UUID userId, String codeHash, @Nullable Instant usedAt) {
    }

    default void replace(UUID userId, List<String> codeHashes) {
        deleteAll(userId);
        codeHashes.forEach(hash -> insert(userId, hash));
    }

    @Query("insert into mfa_recovery_codes (user_id, code_hash) values (:userId, :codeHash)")
    void insert(UUID userId, String codeHash);

    /** Spends a code once; 0 when it is unknown or already used. */
    @Query("update mfa_recovery_codes set used_at = now() where user_id = :userId and code_hash = :codeHash and used_at is null")
    int use(UUID userId, String codeHash);

    @Query("delete from mfa_recovery_codes where user_id = :userId")
    void deleteAll(UUID userId);
}
