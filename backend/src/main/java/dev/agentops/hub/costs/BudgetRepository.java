package dev.agentops.hub.costs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Budgets and their alert rows; runs inside a tenant scope. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface BudgetRepository extends GenericRepository<Budget, UUID> {

    int MAX_PER_ORGANIZATION = 200;

    default UUID insert(UUID organizationId, Budget b, @Nullable UUID createdBy) {
        return insert(organizationId, b.name(), b.scope().key(), b.agentId(), b.teamName(), b.period().key(), b.maxAmountUsd(),
            texts(b.alertThresholds()), b.autoPauseAtPercent(), texts(b.channels()), createdBy);
    }

    @Query("""
        insert into budgets (organization_id, name, scope_type, agent_id, team, period, max_amount_usd, alert_thresholds,
                             auto_pause_at_percent, channels, created_by)
        values (:organizationId, :name, :scopeType, :agentId, :team, :period, :maxAmountUsd, :alertThresholds::integer[],
                :autoPauseAtPercent, :channels, :createdBy) returning id""")
    UUID insert(UUID organizationId, String name, String scopeType, @Nullable UUID agentId, @Nullable String team, String period,
                BigDecimal maxAmountUsd, String[] alertThresholds, @Nullable Integer autoPauseAtPercent, String[] channels,
                @Nullable UUID createdBy);

    default void update(UUID organizationId, Budget b) {
        update(organizationId, b.id(), b.name(), b.period().key(), b.maxAmountUsd(), texts(b.alertThresholds()),
            b.autoPauseAtPercent(), texts(b.channels()));
    }

    @Query("""
        update budgets set name = :name, period = :period, max_amount_usd = :maxAmountUsd,
               alert_thresholds = :alertThresholds::integer[], auto_pause_at_percent = :autoPauseAtPercent,
               channels = :channels, updated_at = now()
         where organization_id = :organizationId and id = :id""")
    void update(UUID organizationId, UUID id, String name, String period, BigDecimal maxAmountUsd, String[] alertThresholds,
                @Nullable Integer autoPauseAtPercent, String[] channels);

    @Query("delete from budgets where organization_id = :organizationId and id = :id")
    int delete(UUID organizationId, UUID id);

    @Query("select * from budgets where organization_id = :organizationId and id = :id")
    Optional<Budget> find(UUID organizationId, UUID id);

    @Query("select * from budgets where organization_id = :organizationId and enabled order by created_at, id limit "
        + MAX_PER_ORGANIZATION)
    List<Budget> all(UUID organizationId);

    @Query("select count(*) from budgets where organization_id = :organizationId")
    int count(UUID organizationId);

    /** Inserts the alert unless this (budget, period, kind, threshold) already has one; true when this call inserted it. */
    default boolean insertAlert(UUID organizationId, Budget budget, String kind, int threshold, BudgetStatus status) {
        return insertAlert(organizationId, budget.id(), kind, threshold, status.periodStart(), status.periodEnd(), status.spentUsd(),
            budget.maxAmountUsd(), status.percent().min(new BigDecimal("9999999999.99")), texts(budget.channels())) != null;
    }

    // not Optional: Micronaut Data answers null, not empty, when an insert returns no row
    @Query("""
        insert into budget_alerts (organization_id, budget_id, kind, threshold, period_start, period_end, spent_usd,
                                   max_amount_usd, percent, channels)
        values (:organizationId, :budgetId, :kind, :threshold, :periodStart, :periodEnd, :spentUsd, :maxAmountUsd, :percent,
                :channels)
        on conflict (budget_id, period_start, kind, threshold) do nothing returning id""")
    @Nullable
    UUID insertAlert(UUID organizationId, UUID budgetId, String kind, int threshold, Instant periodStart,
                     @Nullable Instant periodEnd, BigDecimal spentUsd, BigDecimal maxAmountUsd, BigDecimal percent, String[] channels);

    default void recordPausedAgents(UUID organizationId, UUID budgetId, Instant periodStart, List<UUID> agentIds) {
        recordPausedAgents(organizationId, budgetId, periodStart, texts(agentIds));
    }

    @Query("""
        update budget_alerts set paused_agent_ids = :agentIds::uuid[]
         where organization_id = :organizationId and budget_id = :budgetId and period_start = :periodStart and kind = 'auto_pause'""")
    void recordPausedAgents(UUID organizationId, UUID budgetId, Instant periodStart, String[] agentIds);

    default List<BudgetAlertResponse> alerts(UUID organizationId, UUID budgetId, @Nullable Instant beforeCreatedAt,
                                             @Nullable UUID beforeId, int limit) {
        return alertRows(organizationId, budgetId, beforeCreatedAt, beforeId, limit).stream().map(BudgetAlertRow::toResponse).toList();
    }

    @Query("""
        select id, budget_id, kind, threshold, period_start, period_end, spent_usd, max_amount_usd, percent, channels,
               paused_agent_ids::text[] as paused_agent_ids, created_at, notified_at
          from budget_alerts where organization_id = :organizationId and budget_id = :budgetId
           and (:beforeCreatedAt::timestamptz is null or (created_at, id) < (:beforeCreatedAt::timestamptz, :beforeId::uuid))
         order by created_at desc, id desc limit :limit""")
    List<BudgetAlertRow> alertRows(UUID organizationId, UUID budgetId, @Nullable Instant beforeCreatedAt,
                                   @Nullable UUID beforeId, int limit);

    private static String[] texts(List<?> values) {
        return values.stream().map(String::valueOf).toArray(String[]::new);
    }
}
