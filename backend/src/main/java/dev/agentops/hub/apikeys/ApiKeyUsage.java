package dev.agentops.hub.apikeys;

import dev.agentops.hub.shared.tenancy.TenantTransactions;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps {@code last_used_at} without a database write per request: uses are remembered in memory and written in
 * one statement per organization every few seconds (and at shutdown). The value may lag by that interval.
 */
@Singleton
class ApiKeyUsage {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyUsage.class);

    private record Use(UUID organizationId, Instant at) {
    }

    private final Map<UUID, Use> pending = new ConcurrentHashMap<>();
    private final ApiKeyRepository keys;
    private final TenantTransactions tenants;

    ApiKeyUsage(ApiKeyRepository keys, TenantTransactions tenants) {
        this.keys = keys;
        this.tenants = tenants;
    }

    void used(UUID keyId, UUID organizationId) {
        pending.put(keyId, new Use(organizationId, Instant.now()));
    }

    @Scheduled(fixedDelay = "${agentops.api-keys.usage-flush-interval:10s}")
    @PreDestroy
    void flush() {
        Map<UUID, Map<UUID, Instant>> byOrganization = new HashMap<>();
        for (UUID keyId : Set.copyOf(pending.keySet())) {
            Use use = pending.remove(keyId);
            if (use != null) {
                byOrganization.computeIfAbsent(use.organizationId(), org -> new HashMap<>()).put(keyId, use.at());
            }
        }
        byOrganization.forEach((org, uses) -> {
            try {
                Instant latest = uses.values().stream().max(Instant::compareTo).orElseThrow();
                tenants.run(org, () -> keys.touch(org, uses.keySet(), latest));
            } catch (RuntimeException e) {
                LOG.warn("Could not record API key usage for {} keys: {}", uses.size(), e.getClass().getSimpleName());
            }
        });
    }
}
