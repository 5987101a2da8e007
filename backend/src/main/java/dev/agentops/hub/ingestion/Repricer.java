package dev.agentops.hub.ingestion;

import com.google.common.base.Throwables;
import dev.agentops.hub.audit.AuditActor;
import dev.agentops.hub.audit.AuditEvent;
import dev.agentops.hub.audit.AuditTrail;
import dev.agentops.hub.pricing.CostSource;
import dev.agentops.hub.pricing.PricedCost;
import dev.agentops.hub.pricing.PricingService;
import dev.agentops.hub.pricing.TokenUsage;
import dev.agentops.hub.runs.Run;
import dev.agentops.hub.runs.RunRepository;
import dev.agentops.hub.shared.db.Jdbc;
import dev.agentops.hub.shared.db.SqlFilter;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.shared.web.Paging;
import dev.agentops.hub.shared.web.Problems;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Computes the costs of stored runs again with today's prices, after a price was added or corrected. Lives beside
 * the merger because a re-priced run must cost exactly what a newly ingested one would: its events with usage (not
 * those whose cost the client provided) are priced again, then the run's cost is derived by the merger's own rule.
 * Runs go in chunks, each one transaction that locks its runs (like a worker, in reference order), updates events
 * and runs and corrects the hourly rollups by the differences, so the dashboards never disagree with the runs.
 * Events store cache writes as one number; they are priced at the 5-minute cache-write price (runs keep their own
 * reported split).
 */
@Singleton
class Repricer {

    static final int DEFAULT_MAX_RUNS = 10_000;
    private static final int CHUNK = 500;
    private static final int ATTEMPTS = 3;

    private final Jdbc jdbc;
    private final TenantTransactions tenants;
    private final RunRepository runs;
    private final RunMerger merger;
    private final RunRollups rollups;
    private final PricingService pricing;
    private final AuditTrail audit;

    Repricer(Jdbc jdbc, TenantTransactions tenants, RunRepository runs, RunMerger merger, RunRollups rollups,
             PricingService pricing, AuditTrail audit) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.runs = runs;
        this.merger = merger;
        this.rollups = rollups;
        this.pricing = pricing;
        this.audit = audit;
    }

    private record Scope(UUID org, Instant from, Instant to, boolean onlyUnpriced) {
    }

    private record ChunkDone(int runs, int changed, Paging.TimeAndId last) {
    }

    RepriceResult reprice(UUID org, AuditActor by, RepriceRequest request) {
        if (!request.from().isBefore(request.to())) {
            throw Problems.validation("to", "must be after from");
        }
        Scope scope = new Scope(org, request.from(), request.to(), Boolean.TRUE.equals(request.onlyUnpriced()));
        int max = request.maxRuns() == null ? DEFAULT_MAX_RUNS : request.maxRuns();
        Paging.TimeAndId after = Paging.decodeTimeAndId(request.cursor());
        int repriced = 0;
        int changed = 0;
        boolean more = true;
        while (more && repriced < max) {
            int size = Math.min(CHUNK, max - repriced);
            Paging.TimeAndId start = after;
            ChunkDone done = retryingConflicts(() -> tenants.write(org, () -> repriceChunk(scope, start, size)));
            repriced += done.runs();
            changed += done.changed();
            after = done.last(); // null only for an empty chunk, which ends the loop with more = false
            more = done.runs() == size;
        }
        if (more) {
            Paging.TimeAndId last = after;
            more = tenants.read(org, () -> !chunkIds(scope, last, 1).isEmpty());
        }
        int total = repriced;
        int totalChanged = changed;
        tenants.run(org, () -> audit.record(org, by, AuditEvent.of("runs.repriced", "organization", org)
            .with("from", scope.from().toString()).with("to", scope.to().toString())
            .with("only_unpriced", scope.onlyUnpriced()).with("repriced", total).with("changed", totalChanged)));
        return new RepriceResult(repriced, changed, more, more && after != null ? Paging.encode(after.key()) : null);
    }

    private ChunkDone repriceChunk(Scope scope, Paging.TimeAndId after, int size) {
        List<ChunkRun> chunk = chunkIds(scope, after, size);
        if (chunk.isEmpty()) {
            return new ChunkDone(0, 0, null);
        }
        Map<String, Run> locked = runs.lockByReferences(scope.org(), chunk.stream().map(ChunkRun::reference).toList());
        List<UUID> ids = locked.values().stream().map(Run::id).toList();
        repriceEvents(scope.org(), ids);
        Map<UUID, RunRepository.EventTotals> totals = runs.eventTotals(scope.org(), ids);
        List<Run> updated = new ArrayList<>();
        RunRollups.Deltas deltas = new RunRollups.Deltas();
        for (Run stored : locked.values()) {
            Run repriced = merger.repriced(scope.org(), stored, totals.getOrDefault(stored.id(), RunRepository.EventTotals.NONE));
            if (costDiffers(stored, repriced)) {
                updated.add(repriced);
                deltas.replace(stored, repriced);
            }
        }
        updated.sort(Comparator.comparing(Run::externalReference));
        runs.update(updated);
        rollups.apply(scope.org(), deltas);
        ChunkRun last = chunk.get(chunk.size() - 1);
        return new ChunkDone(chunk.size(), updated.size(), new Paging.TimeAndId(last.startTime(), last.id()));
    }

    private record ChunkRun(UUID id, String reference, Instant startTime) {
    }

    /** The next runs of the range in (start_time, id) order, served by runs_org_start_idx. */
    private List<ChunkRun> chunkIds(Scope scope, Paging.TimeAndId after, int size) {
        SqlFilter query = new SqlFilter("select id, external_reference, start_time from runs where organization_id = ?"
            + " and start_time >= ? and start_time < ?" + (scope.onlyUnpriced() ? " and cost_source = 'unpriced'" : ""),
            scope.org(), scope.from(), scope.to());
        if (after != null) {
            query.append(" and (start_time, id) > (?, ?)", after.at(), after.id());
        }
        query.append(" order by start_time, id limit ?", size);
        return jdbc.query(query.sql(), row -> new ChunkRun(row.uuid("id"), row.string("external_reference"), row.instant("start_time")),
            query.args());
    }

    private record PricedEvent(UUID id, Instant at, String model, TokenUsage usage, BigDecimal cost, String source,
                               String pricingModel) {
    }

    /** Prices the runs' events that carry usage again; events whose cost the client sent keep it. */
    private void repriceEvents(UUID org, List<UUID> runIds) {
        List<PricedEvent> events = jdbc.query("""
            select id, timestamp, model, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, reasoning_tokens,
                   cost_usd, cost_source, pricing_model
              from events
             where organization_id = ? and run_id = any(?::uuid[]) and cost_source <> 'provided'
               and input_tokens + output_tokens + cache_read_tokens + cache_write_tokens + reasoning_tokens > 0""",
            row -> new PricedEvent(row.uuid("id"), row.instant("timestamp"), row.string("model"),
                new TokenUsage(row.longValue("input_tokens"), row.longValue("output_tokens"), row.longValue("cache_read_tokens"),
                    row.longValue("cache_write_tokens"), 0, row.longValue("reasoning_tokens")),
                row.decimal("cost_usd"), row.string("cost_source"), row.string("pricing_model")),
            org, runIds);
        List<Object[]> changes = new ArrayList<>();
        for (PricedEvent event : events) {
            Optional<PricedCost> priced = event.model() == null ? Optional.empty()
                : pricing.price(org, event.model(), event.usage(), event.at());
            BigDecimal cost = priced.map(PricedCost::costUsd).orElse(null);
            String source = (priced.isPresent() ? CostSource.COMPUTED : CostSource.UNPRICED).wireName();
            String entry = priced.map(PricedCost::modelEntryId).orElse(null);
            if (!sameAmount(cost, event.cost()) || !source.equals(event.source()) || !Objects.equals(entry, event.pricingModel())) {
                changes.add(new Object[]{cost, source, priced.map(p -> new Jdbc.Json(p.breakdown())).orElse(null), entry, org,
                    event.id()});
            }
        }
        jdbc.batch("""
            update events set cost_usd = ?, cost_source = ?, cost_breakdown = ?, pricing_model = ?
             where organization_id = ? and id = ?""", changes);
    }

    private static boolean costDiffers(Run before, Run after) {
        return !sameAmount(before.costUsd(), after.costUsd()) || !Objects.equals(before.costSource(), after.costSource())
            || !Objects.equals(before.pricingModel(), after.pricingModel())
            || !Objects.equals(before.pricingVersion(), after.pricingVersion());
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** A chunk that lost a deadlock or serialization conflict with a worker is simply done again. */
    private static <T> T retryingConflicts(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isConflict(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean isConflict(Throwable e) {
        return Throwables.getCausalChain(e).stream().anyMatch(t -> t instanceof Jdbc.DataAccessFailure failure
            && ("40P01".equals(failure.sqlState()) || "40001".equals(failure.sqlState())));
    }
}
