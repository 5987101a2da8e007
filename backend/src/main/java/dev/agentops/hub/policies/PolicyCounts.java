package dev.agentops.hub.policies;

import dev.agentops.hub.shared.tenancy.TenantTransactions;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decision counts per policy version, hour, mode (enforced or shadow) and decision, for the list's "would have
 * blocked 12 actions in the last 24 h". Counted in memory on the hot path and added to
 * {@code policy_decision_counts} once a second, so a check never waits for this write; a crash loses at most the
 * last second of counts (they are statistics; every decision itself is an event on its run).
 */
@Singleton
class PolicyCounts {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyCounts.class);

    private record Key(UUID org, UUID policyId, int version, Instant bucket, String mode, String decision) {
    }

    // merge and remove are atomic per key, so a count that races a flush lands in this flush or the next, never lost
    private final ConcurrentHashMap<Key, Long> pending = new ConcurrentHashMap<>();
    private final PolicyRepository repository;
    private final TenantTransactions tenants;
    private final Clock clock;

    PolicyCounts(PolicyRepository repository, TenantTransactions tenants, Clock clock) {
        this.repository = repository;
        this.tenants = tenants;
        this.clock = clock;
    }

    void count(UUID org, PolicyDecision decision) {
        if (decision.verdicts().isEmpty()) {
            return;
        }
        Instant bucket = clock.instant().truncatedTo(ChronoUnit.HOURS);
        for (Verdict v : decision.verdicts()) {
            Key key = new Key(org, v.policy().id(), v.policy().version(), bucket, v.policy().shadow() ? "shadow" : "enforced",
                v.decision().wireName());
            pending.merge(key, 1L, Long::sum);
        }
    }

    /** Stores what was counted so far; also called before the counts are read, so an instance reads its own counts. */
    @Scheduled(fixedDelay = "1s", initialDelay = "1s")
    @PreDestroy
    synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Map<UUID, List<Object[]>> byOrg = new HashMap<>();
        for (Key key : List.copyOf(pending.keySet())) {
            Long n = pending.remove(key);
            if (n != null) {
                byOrg.computeIfAbsent(key.org(), k -> new ArrayList<>()).add(new Object[]{key.org(), key.policyId(),
                    key.version(), key.bucket(), key.mode(), key.decision(), n});
            }
        }
        byOrg.forEach((org, rows) -> {
            try {
                tenants.run(org, () -> repository.addCounts(org, rows));
                LOG.debug("Stored {} policy decision count rows of organization {}", rows.size(), org);
            } catch (RuntimeException e) {
                LOG.warn("Could not store {} policy decision counts of organization {} ({})", rows.size(), org,
                    e.getClass().getSimpleName());
            }
        });
    }
}
