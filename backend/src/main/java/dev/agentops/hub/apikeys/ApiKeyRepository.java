package dev.agentops.hub.apikeys;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ApiKeyRepository extends GenericRepository<ApiKey, UUID> {

    @Query("""
        insert into api_keys (organization_id, name, prefix, key_hash, scopes, expires_at, created_by)
        values (:organizationId, :name, :prefix, :keyHash, :scopes, :expiresAt, :createdBy) returning id""")
    UUID insert(UUID organizationId, String name, String prefix, String keyHash,
                @TypeDef(type = DataType.STRING_ARRAY) List<String> scopes, @Nullable Instant expiresAt, @Nullable UUID createdBy);

    /** Needs the API_KEY_PREFIX lookup door (authentication) or the key's tenant scope. */
    @Query("select * from api_keys where prefix = :prefix")
    Optional<ApiKey> findByPrefix(String prefix);

    @Query("select * from api_keys where organization_id = :organizationId and id = :id")
    Optional<ApiKey> find(UUID organizationId, UUID id);

    default List<ApiKey> list(UUID organizationId, @Nullable Instant beforeCreatedAt, @Nullable UUID beforeId, int limit) {
        return beforeCreatedAt == null ? first(organizationId, limit) : before(organizationId, beforeCreatedAt, beforeId, limit);
    }

    @Query("select * from api_keys where organization_id = :organizationId order by created_at desc, id desc limit :limit")
    List<ApiKey> first(UUID organizationId, int limit);

    @Query("""
        select * from api_keys where organization_id = :organizationId and (created_at, id) < (:beforeCreatedAt, :beforeId)
         order by created_at desc, id desc limit :limit""")
    List<ApiKey> before(UUID organizationId, Instant beforeCreatedAt, UUID beforeId, int limit);

    @Query("update api_keys set revoked_at = now() where organization_id = :organizationId and id = :id and revoked_at is null")
    int revoke(UUID organizationId, UUID id);

    default void touch(UUID organizationId, Collection<UUID> ids, Instant usedAt) {
        touch(organizationId, ids.stream().map(UUID::toString).toArray(String[]::new), usedAt);
    }

    @Query("""
        update api_keys set last_used_at = greatest(coalesce(last_used_at, :usedAt), :usedAt)
         where organization_id = :organizationId and id = any(:ids::uuid[])""")
    void touch(UUID organizationId, String[] ids, Instant usedAt);
}
