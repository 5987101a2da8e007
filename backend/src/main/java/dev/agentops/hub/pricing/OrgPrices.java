package dev.agentops.hub.pricing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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

    private final ModelPriceRepository repository;
    private final TenantTransactions tenants;
    private final Cache<UUID, List<ModelPrice>> cache;
    /** Bumped by every invalidation: a load that overlapped one is not kept, it may have read the old rows. */
    private final AtomicLong invalidations = new AtomicLong();

    OrgPrices(ModelPriceRepository repository, TenantTransactions tenants, PricingConfiguration config) {
        this.repository = repository;
        this.tenants = tenants;
        this.cache = Caffeine.newBuilder().expireAfterWrite(config.orgCacheTtl()).maximumSize(MAX_ORGANIZATIONS).build();
    }

    /**
     * The organization's price for {@code model} in effect at {@code at}: one named exactly like the model first,
     * else the newest whose pattern matches.
     */
    Optional<ModelPrice> find(UUID organizationId, String model, Instant at) {
        List<ModelPrice> entries = entries(organizationId);
        return entries.stream().filter(entry -> entry.name().equalsIgnoreCase(model) && entry.effectiveAt(at)).findFirst()
            .or(() -> entries.stream().filter(entry -> entry.effectiveAt(at) && entry.matches(model)).findFirst());
    }

    void invalidate(UUID organizationId) {
        invalidations.incrementAndGet();
        cache.invalidate(organizationId);
    }

    private List<ModelPrice> entries(UUID organizationId) {
        List<ModelPrice> cached = cache.getIfPresent(organizationId);
        if (cached != null) {
            return cached;
        }
        long seen = invalidations.get();
        // Joins the caller's transaction when it runs for the same organization (the ingestion workers' case).
        List<ModelPrice> entries = tenants.read(organizationId, () -> repository.all(organizationId)).stream()
            .map(OrgModelPrice::toModelPrice).toList();
        cache.put(organizationId, entries);
        if (invalidations.get() != seen) {
            cache.asMap().remove(organizationId, entries);
        }
        return entries;
    }
}
