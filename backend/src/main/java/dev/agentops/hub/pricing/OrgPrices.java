package dev.agentops.hub.pricing;

import dev.agentops.hub.shared.tenancy.TenantTransactions;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Each organization's own prices, cached in process. An entry is dropped when the organization's prices change on
 * this instance (after the change commits), when another instance announces a change over Redis
 * ({@link RedisPriceInvalidations}), and in any case after {@code agentops.pricing.org-cache-ttl}, which bounds
 * how stale a missed announcement can leave an instance.
 */
@Singleton
class OrgPrices {

    private static final int MAX_ORGANIZATIONS = 50_000;

    private record Cached(List<ModelPrice> entries, long loadedAtNanos) {
    }

    private final ModelPriceRepository repository;
    private final TenantTransactions tenants;
    private final long ttlNanos;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();
    /** Bumped by every invalidation: a load that overlapped one is not kept, it may have read the old rows. */
    private final AtomicLong invalidations = new AtomicLong();

    OrgPrices(ModelPriceRepository repository, TenantTransactions tenants, PricingConfiguration config) {
        this.repository = repository;
        this.tenants = tenants;
        this.ttlNanos = config.orgCacheTtl().toNanos();
    }

    /**
     * The organization's price for {@code model} in effect at {@code at}: one named exactly like the model first,
     * else the newest whose pattern matches.
     */
    Optional<ModelPrice> find(UUID organizationId, String model, Instant at) {
        List<ModelPrice> entries = entries(organizationId);
        for (ModelPrice entry : entries) {
            if (entry.name().equalsIgnoreCase(model) && entry.effectiveAt(at)) {
                return Optional.of(entry);
            }
        }
        return entries.stream().filter(entry -> entry.effectiveAt(at) && entry.matches(model)).findFirst();
    }

    void invalidate(UUID organizationId) {
        invalidations.incrementAndGet();
        cache.remove(organizationId);
    }

    private List<ModelPrice> entries(UUID organizationId) {
        Cached cached = cache.get(organizationId);
        if (cached != null && System.nanoTime() - cached.loadedAtNanos() < ttlNanos) {
            return cached.entries();
        }
        long seen = invalidations.get();
        // Joins the caller's transaction when it runs for the same organization (the ingestion workers' case).
        List<ModelPrice> entries = tenants.read(organizationId, () -> repository.all(organizationId)).stream()
            .map(OrgModelPrice::toModelPrice).toList();
        Cached loaded = new Cached(entries, System.nanoTime());
        if (cache.size() >= MAX_ORGANIZATIONS) {
            cache.clear();
        }
        cache.put(organizationId, loaded);
        if (invalidations.get() != seen) {
            cache.remove(organizationId, loaded);
        }
        return entries;
    }
}
