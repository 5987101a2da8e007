package dev.agentops.hub.costs;

import dev.agentops.hub.shared.db.Jdbc;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Budgets and their alert rows; runs inside a tenant scope. Plain CRUD in hand-written SQL like the rest of the
 * codebase (the move to micronaut-data repositories is a later issue, for every table at once).
 */
@Singleton
class BudgetRepository {

    static final int MAX_PER_ORGANIZATION = 200;

    private final Jdbc jdbc;

    BudgetRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    UUID insert(UUID organizationId, Budget b, UUID createdBy) {
        return jdbc.queryOne("""
            insert into budgets (organization_id, name, scope_type, agent_id, team, period, max_amount_usd, alert_thresholds,
                                 auto_pause_at_percent, channels, created_by)
            values (?, ?, ?, ?, ?, ?, ?, ?::integer[], ?, ?, ?) returning id""", row -> row.uuid("id"),
            organizationId, b.name(), b.scope().key(), b.agentId(), b.teamName(), b.period().key(), b.maxAmountUsd(),
            b.alertThresholds(), b.autoPauseAtPercent(), b.channels(), createdBy).orElseThrow();
    }

    void update(UUID organizationId, Budget b) {
        jdbc.update("""
            update budgets set name = ?, period = ?, max_amount_usd = ?, alert_thresholds = ?::integer[],
                   auto_pause_at_percent = ?, channels = ?, updated_at = now()
             where organization_id = ? and id = ?""",
            b.name(), b.period().key(), b.maxAmountUsd(), b.alertThresholds(), b.autoPauseAtPercent(), b.channels(),
            organizationId, b.id());
    }

    boolean delete(UUID organizationId, UUID id) {
        return jdbc.update("delete from budgets where organization_id = ? and id = ?", organizationId, id) > 0;
    }

    Optional<Budget> find(UUID organizationId, UUID id) {
        return jdbc.queryOne("select * from budgets where organization_id = ? and id = ?", BudgetRepository::map, organizationId, id);
    }

    List<Budget> all(UUID organizationId) {
        return jdbc.query("select * from budgets where organization_id = ? and enabled order by created_at, id limit ?",
            BudgetRepository::map, organizationId, MAX_PER_ORGANIZATION);
    }

    int count(UUID organizationId) {
        return jdbc.queryOne("select count(*) as n from budgets where organization_id = ?", row -> row.intValue("n"), organizationId)
            .orElse(0);
    }

    /** Inserts the alert unless this (budget, period, kind, threshold) already has one; true when this call inserted it. */
    boolean insertAlert(UUID organizationId, Budget budget, String kind, int threshold, BudgetStatus status) {
        return jdbc.queryOne("""
            insert into budget_alerts (organization_id, budget_id, kind, threshold, period_start, period_end, spent_usd,
                                       max_amount_usd, percent, channels)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (budget_id, period_start, kind, threshold) do nothing returning id""", row -> row.uuid("id"),
            organizationId, budget.id(), kind, threshold, status.periodStart(), status.periodEnd(), status.spentUsd(),
            budget.maxAmountUsd(), status.percent().min(new BigDecimal("9999999999.99")), budget.channels()).isPresent();
    }

    void recordPausedAgents(UUID organizationId, UUID budgetId, Instant periodStart, List<UUID> agentIds) {
        jdbc.update("""
            update budget_alerts set paused_agent_ids = ?::uuid[]
             where organization_id = ? and budget_id = ? and period_start = ? and kind = 'auto_pause'""",
            agentIds, organizationId, budgetId, periodStart);
    }

    List<BudgetAlertResponse> alerts(UUID organizationId, UUID budgetId, Instant beforeCreatedAt, UUID beforeId, int limit) {
        return jdbc.query("""
            select * from budget_alerts where organization_id = ? and budget_id = ?
               and (?::timestamptz is null or (created_at, id) < (?::timestamptz, ?::uuid))
             order by created_at desc, id desc limit ?""",
            row -> new BudgetAlertResponse(row.uuid("id"), row.uuid("budget_id"), row.string("kind"), row.intValue("threshold"),
                row.instant("period_start"), row.instant("period_end"), row.decimal("spent_usd"), row.decimal("max_amount_usd"),
                row.decimal("percent"), row.strings("channels"), row.strings("paused_agent_ids").stream().map(UUID::fromString).toList(),
                row.instant("created_at"), row.instant("notified_at")),
            organizationId, budgetId, beforeCreatedAt, beforeCreatedAt, beforeId, limit);
    }

    static Budget map(Jdbc.Row row) throws SQLException {
        List<Integer> thresholds = new ArrayList<>();
        for (String t : row.strings("alert_thresholds")) {
            thresholds.add(Integer.parseInt(t));
        }
        return new Budget(row.uuid("id"), row.uuid("organization_id"), row.string("name"),
            BudgetScope.fromKey(row.string("scope_type")).orElseThrow(), row.uuid("agent_id"), row.string("team"),
            BudgetPeriod.fromKey(row.string("period")).orElseThrow(), row.decimal("max_amount_usd"), List.copyOf(thresholds),
            row.nullableLong("auto_pause_at_percent") == null ? null : row.intValue("auto_pause_at_percent"),
            row.strings("channels"), row.instant("created_at"), row.instant("updated_at"));
    }
}
