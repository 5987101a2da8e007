package dev.agentops.hub.runs;

import dev.agentops.hub.pricing.CostSource;
import dev.agentops.hub.shared.db.Jdbc;
import dev.agentops.hub.shared.db.TimeOrderedIds;
import dev.agentops.hub.shared.db.SqlFilter;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Runs and events; every method runs inside the organization's tenant scope. */
// Hand-written SQL on purpose (#17): the worker's merge path (batched upserts, JSON columns, keyset pages).
@Singleton
public class RunRepository {

    private final Jdbc jdbc;
    private final JsonMapper json;

    RunRepository(Jdbc jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Locks the runs (in reference order, so that workers never lock them crosswise) for merging pieces into them. */
    public Map<String, Run> lockByReferences(UUID organizationId, Collection<String> externalReferences) {
        Map<String, Run> locked = new HashMap<>();
        if (!externalReferences.isEmpty()) {
            jdbc.query("""
                select * from runs where organization_id = ? and external_reference = any(?)
                 order by external_reference for update""", this::map, organizationId, externalReferences)
                .forEach(run -> locked.put(run.externalReference(), run));
        }
        return locked;
    }

    /**
     * Inserts complete new runs; a reference that another worker stored meanwhile is skipped. Returns the references
     * this call inserted.
     */
    public Set<String> insertNew(List<Run> newRuns) {
        List<Object[]> rows = newRuns.stream().map(run -> new Object[]{
            run.id(), run.organizationId(), run.agentId(), run.externalReference(), run.status(), json(run.input()),
            json(run.output()), run.error(), run.startTime(), run.endTime(), run.durationMs(), run.model(),
            run.inputTokens(), run.outputTokens(), run.cacheReadTokens(), run.cacheWriteTokens(), run.reasoningTokens(),
            run.costUsd(), json(run.costBreakdown()), run.costSource(), run.pricingModel(), run.pricingVersion(), run.tags(),
            new Jdbc.Json(run.metadata()), json(run.reportedUsage()), run.reportedCostUsd()}).toList();
        return new HashSet<>(jdbc.rows("""
            insert into runs (id, organization_id, agent_id, external_reference, status, input, output, error, start_time,
                              end_time, duration_ms, model, input_tokens, output_tokens, cache_read_tokens,
                              cache_write_tokens, reasoning_tokens, cost_usd, cost_breakdown, cost_source, pricing_model,
                              pricing_version, tags, metadata, reported_usage, reported_cost_usd) values""",
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?)", rows,
            "on conflict (organization_id, external_reference) do nothing returning external_reference",
            row -> row.string("external_reference")));
    }

    public void update(List<Run> changed) {
        jdbc.batch("""
            update runs set status = ?, input = ?, output = ?, error = ?, start_time = ?, end_time = ?, duration_ms = ?,
                   model = ?, input_tokens = ?, output_tokens = ?, cache_read_tokens = ?, cache_write_tokens = ?,
                   reasoning_tokens = ?, cost_usd = ?, cost_breakdown = ?, cost_source = ?, pricing_model = ?,
                   pricing_version = ?, tags = ?, metadata = ?, reported_usage = ?, reported_cost_usd = ?, updated_at = now()
             where organization_id = ? and id = ?""", changed.stream().map(run -> new Object[]{
            run.status(), json(run.input()), json(run.output()), run.error(), run.startTime(), run.endTime(), run.durationMs(),
            run.model(), run.inputTokens(), run.outputTokens(), run.cacheReadTokens(), run.cacheWriteTokens(),
            run.reasoningTokens(), run.costUsd(), json(run.costBreakdown()), run.costSource(), run.pricingModel(),
            run.pricingVersion(), run.tags(), new Jdbc.Json(run.metadata()), json(run.reportedUsage()), run.reportedCostUsd(),
            run.organizationId(), run.id()}).toList());
    }

    /** An event to store under a run. */
    public record NewEvent(UUID runId, StoredEvent event) {
    }

    /** First write wins: an event id already stored for its run is ignored. */
    public void insertEvents(UUID organizationId, List<NewEvent> newEvents) {
        List<Object[]> rows = newEvents.stream().map(e -> {
            StoredEvent event = e.event();
            return new Object[]{TimeOrderedIds.next(), organizationId, e.runId(), event.eventId(), event.eventType(), event.timestamp(),
                event.durationMs(), new Jdbc.Json(event.payload() == null ? Map.of() : event.payload()), event.model(),
                event.inputTokens(), event.outputTokens(), event.cacheReadTokens(), event.cacheWriteTokens(),
                event.reasoningTokens(), event.costUsd(), event.costSource(), json(event.costBreakdown()), event.pricingModel(),
                event.usageUnrecognizedKeys() == null || event.usageUnrecognizedKeys().isEmpty() ? null : event.usageUnrecognizedKeys()};
        }).toList();
        jdbc.rows("""
            insert into events (id, organization_id, run_id, event_id, event_type, timestamp, duration_ms, payload, model,
                                input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, reasoning_tokens,
                                cost_usd, cost_source, cost_breakdown, pricing_model, usage_unrecognized_keys) values""",
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[])", rows, "on conflict (run_id, event_id) do nothing", null);
    }

    /** The stored events' totals per run (runs without events are absent). */
    public Map<UUID, EventTotals> eventTotals(UUID organizationId, Collection<UUID> runIds) {
        Map<UUID, EventTotals> totals = new HashMap<>();
        if (runIds.isEmpty()) {
            return totals;
        }
        jdbc.query("""
            select run_id, sum(input_tokens) as input, sum(output_tokens) as output, sum(cache_read_tokens) as cache_read,
                   sum(cache_write_tokens) as cache_write, sum(reasoning_tokens) as reasoning,
                   coalesce(sum(cost_usd), 0) as cost, bool_or(cost_source = 'unpriced') as unpriced,
                   bool_or(cost_source = 'usage_unrecognized') as unrecognized, count(*) as events
              from events where organization_id = ? and run_id = any(?::uuid[]) group by run_id""",
            row -> totals.put(row.uuid("run_id"), new EventTotals(row.longValue("input"), row.longValue("output"),
                row.longValue("cache_read"), row.longValue("cache_write"), row.longValue("reasoning"), row.decimal("cost"),
                row.bool("unpriced"), row.bool("unrecognized"), row.longValue("events"))), organizationId, runIds);
        return totals;
    }

    public Optional<Run> find(UUID organizationId, UUID id) {
        return jdbc.queryOne("select * from runs where organization_id = ? and id = ?", this::map, organizationId, id);
    }

    public List<StoredEvent> events(UUID organizationId, UUID runId) {
        return jdbc.query("select * from events where organization_id = ? and run_id = ? order by timestamp, id",
            row -> new StoredEvent(row.uuid("id"), row.string("event_id"), row.string("event_type"), row.instant("timestamp"),
                row.nullableLong("duration_ms"), readJson(row.string("payload")), row.string("model"), row.longValue("input_tokens"),
                row.longValue("output_tokens"), row.longValue("cache_read_tokens"), row.longValue("cache_write_tokens"),
                row.longValue("reasoning_tokens"), row.decimal("cost_usd"), row.string("cost_source"),
                row.jsonObject("cost_breakdown"), row.string("pricing_model"), row.strings("usage_unrecognized_keys")),
            organizationId, runId);
    }

    /** Keyset page of runs, newest first; every filter is optional. */
    public List<Run> search(UUID organizationId, RunFilter filter, Instant beforeStart, UUID beforeId, int limit) {
        SqlFilter query = new SqlFilter("select * from runs where organization_id = ?", organizationId)
            .and("agent_id = ?", filter.agentId())
            .and("status = ?", filter.status())
            .and("start_time >= ?", filter.from())
            .and("start_time < ?", filter.to())
            .and("cost_usd >= ?", filter.minCost())
            .and("model = ?", filter.model())
            .and("external_reference = ?", filter.externalReference())
            .and("tags @> array[?]::text[]", filter.tag());
        if (filter.q() != null) {
            String like = "%" + filter.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            query.append(" and (external_reference ilike ? or error ilike ? or model ilike ?)", like, like, like);
        }
        if (beforeStart != null) {
            query.append(" and (start_time, id) < (?, ?)", beforeStart, beforeId);
        }
        query.append(" order by start_time desc, id desc limit ?", limit);
        return jdbc.query(query.sql(), this::map, query.args());
    }

    private Run map(Jdbc.Row row) throws SQLException {
        return Run.builder().id(row.uuid("id")).organizationId(row.uuid("organization_id")).agentId(row.uuid("agent_id"))
            .externalReference(row.string("external_reference")).status(row.string("status"))
            .input(readJson(row.string("input"))).output(readJson(row.string("output"))).error(row.string("error"))
            .startTime(row.instant("start_time")).endTime(row.instant("end_time"))
            .durationMs(row.nullableLong("duration_ms")).model(row.string("model"))
            .inputTokens(row.longValue("input_tokens")).outputTokens(row.longValue("output_tokens"))
            .cacheReadTokens(row.longValue("cache_read_tokens")).cacheWriteTokens(row.longValue("cache_write_tokens"))
            .reasoningTokens(row.longValue("reasoning_tokens")).costUsd(row.decimal("cost_usd"))
            .costBreakdown(row.jsonObject("cost_breakdown")).costSource(row.string("cost_source"))
            .pricingModel(row.string("pricing_model")).pricingVersion(row.string("pricing_version"))
            .tags(row.strings("tags")).metadata(row.jsonObject("metadata")).reportedUsage(row.jsonObject("reported_usage"))
            .reportedCostUsd(row.decimal("reported_cost_usd")).createdAt(row.instant("created_at"))
            .updatedAt(row.instant("updated_at")).build();
    }

    private Jdbc.Json json(Object value) {
        return value == null ? null : new Jdbc.Json(value);
    }

    private Object readJson(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, Object.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public record EventTotals(long inputTokens, long outputTokens, long cacheReadTokens, long cacheWriteTokens,
                              long reasoningTokens, BigDecimal costUsd, boolean anyUnpriced, boolean anyUnrecognized,
                              long count) {

        public static final EventTotals NONE = new EventTotals(0, 0, 0, 0, 0, BigDecimal.ZERO, false, false, 0);

        public static EventTotals of(Collection<StoredEvent> events) {
            EventTotals totals = NONE;
            for (StoredEvent e : events) {
                totals = new EventTotals(totals.inputTokens + e.inputTokens(), totals.outputTokens + e.outputTokens(),
                    totals.cacheReadTokens + e.cacheReadTokens(), totals.cacheWriteTokens + e.cacheWriteTokens(),
                    totals.reasoningTokens + e.reasoningTokens(),
                    e.costUsd() == null ? totals.costUsd : totals.costUsd.add(e.costUsd()),
                    totals.anyUnpriced || CostSource.UNPRICED.wireName().equals(e.costSource()),
                    totals.anyUnrecognized || CostSource.USAGE_UNRECOGNIZED.wireName().equals(e.costSource()), totals.count + 1);
            }
            return totals;
        }
    }

    public record RunFilter(UUID agentId, String status, Instant from, Instant to, BigDecimal minCost, String model,
                            String tag, String externalReference, String q) {
    }
}
