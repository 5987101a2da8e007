package dev.agentops.hub.apikeys;

import dev.agentops.hub.shared.db.Jdbc;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Singleton
class ApiKeyRepository {

    private final Jdbc jdbc;

    ApiKeyRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    UUID insert(UUID organizationId, String name, String prefix, String keyHash, List<String> scopes, Instant expiresAt, UUID createdBy) {
        return jdbc.queryOne("""
            insert into api_keys (organization_id, name, prefix, key_hash, scopes, expires_at, created_by)
            values (?, ?, ?, ?, ?, ?, ?) returning id""", row -> row.uuid("id"),
            organizationId, name, prefix, keyHash, scopes, expiresAt, createdBy).orElseThrow();
    }

    /** Needs the API_KEY_PREFIX lookup door (authentication) or the key's tenant scope. */
    Optional<ApiKey> findByPrefix(String prefix) {
        return jdbc.queryOne("select * from api_keys where prefix = ?", ApiKeyRepository::map, prefix);
    }

    Optional<ApiKey> find(UUID organizationId, UUID id) {
        return jdbc.queryOne("select * from api_keys where organization_id = ? and id = ?", ApiKeyRepository::map, organizationId, id);
    }

    List<ApiKey> list(UUID organizationId, Instant beforeCreatedAt, UUID beforeId, int limit) {
        if (beforeCreatedAt == null) {
            return jdbc.query("select * from api_keys where organization_id = ? order by created_at desc, id desc limit ?",
                ApiKeyRepository::map, organizationId, limit);
        }
        return jdbc.query("""
            select * from api_keys where organization_id = ? and (created_at, id) < (?, ?)
             order by created_at desc, id desc limit ?""", ApiKeyRepository::map, organizationId, beforeCreatedAt, beforeId, limit);
    }

    boolean revoke(UUID organizationId, UUID id) {
        return jdbc.update("update api_keys set revoked_at = now() where organization_id = ? and id = ? and revoked_at is null",
            organizationId, id) == 1;
    }

    void touch(UUID organizationId, Collection<UUID> ids, Instant usedAt) {
        jdbc.update("update api_keys set last_used_at = greatest(coalesce(last_used_at, ?), ?) where organization_id = ? and id = any(?::uuid[])",
            usedAt, usedAt, organizationId, ids);
    }

    private static ApiKey map(Jdbc.Row row) throws SQLException {
        return new ApiKey(row.uuid("id"), row.uuid("organization_id"), row.string("name"), row.string("prefix"),
            row.string("key_hash"), row.strings("scopes"), row.instant("created_at"), row.instant("expires_at"),
            row.instant("last_used_at"), row.instant("revoked_at"), row.uuid("created_by"));
    }
}
