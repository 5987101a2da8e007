package dev.agentops.hub.policies;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.agentops.hub.ingestion.RunChanged;
import dev.agentops.hub.shared.cache.ReadThrough;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * A check's {@code run.*} facts: the run's totals as ingested so far. Kept a second per run
 * ({@code agentops.policies.run-facts-ttl}, about the time ingestion itself takes to reach the runs): read from the database on a miss, and replaced in memory whenever a worker of this instance
 * commits more of the run ({@link RunChanged}), so a run that keeps being checked while it works costs one read, not
 * one a second, and the check answers from memory. What another instance merges shows here once the entry expires: at
 * most a second later.
 */
@Singleton
class RunFacts {

    static final Map<String, Object> NO_RUN_YET = Map.of("cost_usd", 0, "input_tokens", 0, "output_tokens", 0, "events", 0);

    private final PolicyRepository repository;
    private final TenantTransactions tenants;
    private final Cache<String, Map<String, Object>> runs;

    RunFacts(PolicyRepository repository, TenantTransactions tenants, @Value("${agentops.policies.run-facts-ttl:1s}") Duration ttl) {
        this.repository = repository;
        this.tenants = tenants;
        this.runs = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(50_000).build();
    }

    /** The run's totals; a run not stored yet has spent nothing. */
    Map<String, Object> of(UUID org, String runId) {
        return ReadThrough.get(runs, key(org, runId), key -> tenants.read(org, () -> repository.runFacts(org, runId)).orElse(NO_RUN_YET));
    }

    @EventListener
    void onRunChanged(RunChanged change) {
        // only runs someone checks are kept; an event count that went down is an older change arriving late
        runs.asMap().computeIfPresent(key(change.organizationId(), change.reference()), (key, known) ->
            ((Number) known.get("events")).longValue() > change.totals().events() ? known : facts(change.runId(),
                change.totals().costUsd(), change.totals().inputTokens(), change.totals().outputTokens(), change.totals().events()));
    }

    /** The facts of a stored run, read or merged; an unpriced run ({@code costUsd} null) counts as 0 here. */
    static Map<String, Object> facts(UUID runId, BigDecimal costUsd, long inputTokens, long outputTokens, long events) {
        return Map.of("id", runId.toString(), "cost_usd", costUsd == null ? BigDecimal.ZERO : costUsd,
            "input_tokens", inputTokens, "output_tokens", outputTokens, "events", events);
    }

    private static String key(UUID org, String runId) {
        return org + "/" + runId;
    }
}
