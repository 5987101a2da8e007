package dev.agentops.hub.usage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.agentops.hub.agents.AgentChanged;
import dev.agentops.hub.agents.AgentStats;
import dev.agentops.hub.agents.AgentStatsSource;
import dev.agentops.hub.ingestion.RunsCommitted;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per organization one snapshot, computed from the hourly rollups in one query: every agent's last-24-hours figures
 * (agent lists and pages) and the organization's cost of the current UTC day (budget checks), so that neither
 * queries the rollups on every request.
 *
 * <p>With {@code redis.uri} the snapshot lives in Redis and every instance shares it; without, in this instance's
 * memory. Either way it expires after {@code agentops.stats.cache-ttl}, and it is dropped as soon as a worker batch
 * commits runs of the organization ({@link RunsCommitted}) or one of its agents changes ({@link AgentChanged}): the
 * next read recomputes. In-process mode has no cross-instance invalidation: a batch or an agent change handled by
 * another instance reaches this instance's copy only through the TTL (in-process mode is single-instance mode).
 * A failing Redis never fails a read: it then goes to PostgreSQL (see {@link RedisOrgStats}).
 *
 * <p>A read that computed its snapshot while an invalidation happened on this instance does not keep it, since it
 * may predate the commit that caused the invalidation. An invalidation handled by another instance in that window
 * is not seen: that snapshot lives until the organization's next batch or the TTL.
 */
@Singleton
public class OrgStatsCache implements AgentStatsSource {

    private final OrgStatsRepository repository;
    private final TenantTransactions tenants;
    private final Optional<RedisOrgStats> redis;
    private final Cache<UUID, OrgStats> local;
    private final AtomicLong invalidations = new AtomicLong();

    OrgStatsCache(OrgStatsRepository repository, TenantTransactions tenants, Optional<RedisOrgStats> redis,
                  OrgStatsConfiguration config) {
        this.repository = repository;
        this.tenants = tenants;
        this.redis = redis;
        this.local = Caffeine.newBuilder().expireAfterWrite(config.cacheTtl()).maximumSize(10_000).build();
    }

    @Override
    public Map<UUID, AgentStats> agentStats(UUID organizationId) {
        return snapshot(organizationId).agents();
    }

    /** What the organization's runs of the current UTC day have cost so far (runs without a known price count 0). */
    public BigDecimal costToday(UUID organizationId) {
        return snapshot(organizationId).costToday();
    }

    @EventListener
    void onRunsCommitted(RunsCommitted batch) {
        drop(batch.organizationIds());
    }

    @EventListener
    void onAgentChanged(AgentChanged change) {
        drop(Set.of(change.organizationId()));
    }

    OrgStats snapshot(UUID organizationId) {
        Optional<OrgStats> cached = redis.map(shared -> shared.find(organizationId))
            .orElseGet(() -> Optional.ofNullable(local.getIfPresent(organizationId)));
        // a snapshot taken before midnight UTC holds yesterday's cost
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (cached.isPresent() && cached.get().day().equals(today)) {
            return cached.get();
        }
        long seen = invalidations.get();
        OrgStats fresh = tenants.read(organizationId, () -> repository.compute(organizationId, Instant.now()));
        if (invalidations.get() == seen) {
            redis.ifPresentOrElse(shared -> shared.save(organizationId, fresh), () -> local.put(organizationId, fresh));
        }
        return fresh;
    }

    /** Synchronous and cheap: called after every committed worker batch, before the next read can come. */
    private void drop(Set<UUID> organizationIds) {
        invalidations.incrementAndGet();
        redis.ifPresentOrElse(shared -> shared.drop(organizationIds), () -> local.invalidateAll(organizationIds));
    }
}
