package dev.agentops.hub.runs;

import dev.agentops.hub.shared.db.Jdbc;
import dev.agentops.hub.shared.db.SqlFilter;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Runs and events; every method runs inside the organization's tenant scope. */
@Singleton
public class RunRepository {

    private final Jdbc jdbc;
    private final JsonMapper json;

    RunRepository(Jdbc jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Creates the run if it does not exist yet; true when this call created it. */
    public boolean insertSkeleton(UUID organizationId, UUID agentId, String externalReference, Instant startTime) {
        return jdbc.queryOne("""
            insert into runs (organization_id, agent_id, external_reference, status, start_time) values (?, ?, ?, 'running', ?)
            on conflict (organization_id, external_reference) do nothing returning id""", row -> true,
            organizationId, agentId, externalReference, startTime).isPresent();
    }

    /** Locks the run so that pieces of one run merge one after the other. */
    public Run lockByReference(UUID organizationId, String externalReference) {
        return jdbc.queryOne("select * from runs where organization_id = ? and external_reference = ? for update",
            this::map, organizationId, externalReference).orElseThrow();
    }

    public Optional<Run> find(UUID organizationId, UUID id) {
        return jdbc.queryOne("select * from runs where organization_id = ? and id = ?", this::map, organizationId, id);
    }

    public void update(Run run) {
        jdbc.update("""
            update runs set status = ?, input = ?, output = ?, error = ?, start_time = ?, end_time = ?, duration_ms = ?,
                   model = ?, input_tokens = ?, output_tokens = ?, cache_read_tokens = ?, cache_write_tokens = ?,
                   reasoning_tokens = ?, cost_usd = ?, cost_breakdown = ?, cost_source = ?, pricing_model = ?,
                   pricing_version = ?, tags = ?, metadata = ?, reported_usage = ?, reported_cost_usd = ?, updated_at = now()
             where organization_id = ? and id = ?""",
            run.status(), json(run.input()), json(run.output()), run.error(), run.startTime(), run.endTime(), run.durationMs(),
            run.model(), run.inputTokens(), run.outputTokens(), run.cacheReadTokens(), run.cacheWriteTokens(),
            run.reasoningTokens(), run.costUsd(), json(run.costBreakdown()), run.costSource(), run.pricingModel(),
            run.pricingVersion(), run.tags(), new Jdbc.Json(run.metadata()), json(run.reportedUsage()), run.reportedCostUsd(),
            run.organizationId(), run.id());
    }

    /** First write wins: an event id already stored for the run is ignored. */
    public void insertEvent(UUID organizationId, UUID runId, StoredEvent event) {
        jdbc.update("""
            insert into events (organization_id, run_id, event_id, event_type, timestamp, duration_ms, payload, model,
                                input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, reasoning_tokens,
                                cost_usd, cost_source, cost_breakdown, pricing_model)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (run_id, event_id) do nothing""",
            organizationId, runId, event.eventId(), event.eventType(), event.timestamp(), event.durationMs(),
            new Jdbc.Json(event.payload() == null ? Map.of() : event.payload()), event.model(), event.inputTokens(),
            event.outputTokens(), event.cacheReadTokens(), event.cacheWriteTokens(), event.reasoningTokens(), event.costUsd(),
            event.costSource(), json(event.costBreakdown()), event.pricingModel());
    }

    public EventTotals eventTotals(UUID organizationId, UUID runId) {
        return jdbc.queryOne("""
            select coalesce(sum(input_tokens), 0) as input, coalesce(sum(output_tokens), 0) as output,
                   coalesce(sum(cache_read_tokens), 0) as cache_read, coalesce(sum(cache_write_tokens), 0) as cache_write,
                   coalesce(sum(reasoning_tokens), 0) as reasoning, coalesce(sum(cost_usd), 0) as cost,
                   coalesce(bool_or(cost_source = 'unpriced'), false) as unpriced, count(*) as events
              from events where organization_id = ? and run_id = ?""",
            row -> new EventTotals(row.longValue("input"), row.longValue("output"), row.longValue("cache_read"),
                row.longValue("cache_write"), row.longValue("reasoning"), row.decimal("cost"), row.bool("unpriced"),
                row.longValue("events")), organizationId, runId).orElseThrow();
    }

    public List<StoredEvent> events(UUID organizationId, UUID runId) {
        return jdbc.query("select * from events where organization_id = ? and run_id = ? order by timestamp, id",
            row -> new StoredEvent(row.uuid("id"), row.string("event_id"), row.string("event_type"), row.instant("timestamp"),
                row.nullableLong("duration_ms"), readJson(row.string("payload")), row.string("model"), row.longValue("input_tokens"),
                row.longValue("output_tokens"), row.longValue("cache_read_tokens"), row.longValue("cache_write_tokens"),
                row.longValue("reasoning_tokens"), row.decimal("cost_usd"), row.string("cost_source"),
                row.jsonObject("cost_breakdown"), row.string("pricing_model")),
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
        return new Run(row.uuid("id"), row.uuid("organization_id"), row.uuid("agent_id"), row.string("external_reference"),
            row.string("status"), readJson(row.string("input")), readJson(row.string("output")), row.string("error"),
            row.instant("start_time"), row.instant("end_time"), row.nullableLong("duration_ms"), row.string("model"),
            row.longValue("input_tokens"), row.longValue("output_tokens"), row.longValue("cache_read_tokens"),
            row.longValue("cache_write_tokens"), row.longValue("reasoning_tokens"), row.decimal("cost_usd"),
            row.jsonObject("cost_breakdown"), row.string("cost_source"), row.string("pricing_model"),
            row.string("pricing_version"), row.strings("tags"), row.jsonObject("metadata"), row.jsonObject("reported_usage"),
            row.decimal("reported_cost_usd"), row.instant("created_at"), row.instant("updated_at"));
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
                              long reasoningTokens, BigDecimal costUsd, boolean anyUnpriced, long count) {
    }

    public record RunFilter(UUID agentId, String status, Instant from, Instant to, BigDecimal minCost, String model,
                            String tag, String externalReference, String q) {
    }
}
