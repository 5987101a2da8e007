package dev.agentops.hub.apikeys;

import dev.agentops.hub.audit.AuditActor;
import dev.agentops.hub.audit.AuditEvent;
import dev.agentops.hub.audit.AuditTrail;
import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.security.ApiKeyScope;
import dev.agentops.hub.shared.security.Secrets;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.shared.web.Problems;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Keys look like {@code aoh_} + 40 base62 characters (about 238 random bits). The first 12 characters are a
 * public prefix that finds the row; only a SHA-256 of the whole key is stored, so the key is shown exactly once.
 */
@Singleton
class ApiKeyService {

    static final String KEY_PREFIX = "aoh_";
    static final int PREFIX_LENGTH = 12;
    private static final int RANDOM_LENGTH = 40;

    private final ApiKeyRepository keys;
    private final TenantTransactions tenants;
    private final AuditTrail audit;
    private final ApiKeyCache cache;

    ApiKeyService(ApiKeyRepository keys, TenantTransactions tenants, AuditTrail audit, ApiKeyCache cache) {
        this.keys = keys;
        this.tenants = tenants;
        this.audit = audit;
        this.cache = cache;
    }

    ApiKeyResponses.Created create(Actor actor, ApiKeyCreateRequest request) {
        List<String> scopes = request.scopes().stream().map(String::trim).distinct().sorted().toList();
        scopes.stream().filter(scope -> ApiKeyScope.fromKey(scope).isEmpty()).findFirst().ifPresent(scope -> {
            throw Problems.validation("scopes", "unknown scope '" + scope + "'; use "
                + Arrays.stream(ApiKeyScope.values()).map(ApiKeyScope::key).toList());
        });
        String key = KEY_PREFIX + Secrets.randomToken(RANDOM_LENGTH);
        String prefix = key.substring(0, PREFIX_LENGTH);
        UUID org = actor.organizationId();
        return tenants.write(org, () -> {
            UUID id = keys.insert(org, request.name().trim(), prefix, Secrets.sha256(key), scopes, request.expiresAt(), actor.id());
            audit.record(org, AuditActor.of(actor), AuditEvent.of("api_key.created", "api_key", id)
                .with("name", request.name().trim()).with("prefix", prefix).with("scopes", scopes));
            ApiKey created = keys.find(org, id).orElseThrow();
            return new ApiKeyResponses.Created(id, created.name(), key, prefix, scopes, created.expiresAt(), created.createdAt());
        });
    }

    List<ApiKey> list(Actor actor, Instant beforeCreatedAt, UUID beforeId, int limitPlusOne) {
        return tenants.read(actor.organizationId(), () -> keys.list(actor.organizationId(), beforeCreatedAt, beforeId, limitPlusOne));
    }

    void revoke(Actor actor, UUID id) {
        UUID org = actor.organizationId();
        String prefix = tenants.write(org, () -> {
            ApiKey key = keys.find(org, id).orElseThrow(() -> Problems.notFound("API key", id));
            if (keys.revoke(org, id) == 1) {
                audit.record(org, AuditActor.of(actor), AuditEvent.of("api_key.revoked", "api_key", id)
                    .with("name", key.name()).with("prefix", key.prefix()));
            }
            return key.prefix();
        });
        cache.revoked(prefix);
    }
}
