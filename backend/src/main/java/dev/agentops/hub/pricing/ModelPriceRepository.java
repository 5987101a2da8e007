package dev.agentops.hub.pricing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Runs inside a tenant scope. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ModelPriceRepository extends GenericRepository<ModelPriceRow, UUID> {

    default UUID insert(UUID organizationId, String model, String matchPattern, String provider, Prices prices,
                        List<PriceTier> tiers, LocalDate effectiveFrom, UUID createdBy) {
        return insert(organizationId, model, matchPattern, provider, prices.byKind().get(PriceKind.INPUT),
            prices.byKind().get(PriceKind.OUTPUT), prices.byKind().get(PriceKind.CACHE_READ),
            prices.byKind().get(PriceKind.CACHE_WRITE_5M), prices.byKind().get(PriceKind.CACHE_WRITE_1H),
            prices.byKind().get(PriceKind.REASONING), tiers.stream()
                .map(t -> Map.<String, Object>of("above_input_tokens", t.aboveInputTokens(), "prices", t.prices().asStrings()))
                .toList(), effectiveFrom == null ? null : effectiveFrom.toString(), createdBy);
    }

    @Query("""
        insert into model_prices (organization_id, model, match_pattern, provider, input_price, output_price,
                                  cache_read_price, cache_write_5m_price, cache_write_1h_price, reasoning_price,
                                  tiers, effective_from, created_by)
        values (:organizationId, :model, :matchPattern, :provider, :inputPrice, :outputPrice, :cacheReadPrice,
                :cacheWrite5mPrice, :cacheWrite1hPrice, :reasoningPrice, :tiers::jsonb, :effectiveFrom::date, :createdBy)
        returning id""")
    UUID insert(UUID organizationId, String model, @Nullable String matchPattern, @Nullable String provider,
                @Nullable BigDecimal inputPrice, @Nullable BigDecimal outputPrice, @Nullable BigDecimal cacheReadPrice,
                @Nullable BigDecimal cacheWrite5mPrice, @Nullable BigDecimal cacheWrite1hPrice, @Nullable BigDecimal reasoningPrice,
                @TypeDef(type = DataType.JSON) List<Map<String, Object>> tiers, @Nullable String effectiveFrom,
                @Nullable UUID createdBy);

    default Optional<OrgModelPrice> find(UUID organizationId, UUID id) {
        return findRow(organizationId, id).map(ModelPriceRow::toPrice);
    }

    @Query("select " + ModelPriceRow.COLUMNS + " from model_prices where organization_id = :organizationId and id = :id")
    Optional<ModelPriceRow> findRow(UUID organizationId, UUID id);

    /** Newest first: among several organization prices that match a model, the newest wins. */
    default List<OrgModelPrice> all(UUID organizationId) {
        return allRows(organizationId).stream().map(ModelPriceRow::toPrice).toList();
    }

    @Query("select " + ModelPriceRow.COLUMNS + " from model_prices where organization_id = :organizationId"
        + " order by created_at desc, id desc")
    List<ModelPriceRow> allRows(UUID organizationId);

    default List<OrgModelPrice> page(UUID organizationId, @Nullable Instant beforeCreatedAt, @Nullable UUID beforeId, int limit) {
        return pageRows(organizationId, beforeCreatedAt, beforeId, limit).stream().map(ModelPriceRow::toPrice).toList();
    }

    @Query("select " + ModelPriceRow.COLUMNS + " from model_prices where organization_id = :organizationId"
        + " and (:beforeCreatedAt::timestamptz is null or (created_at, id) < (:beforeCreatedAt::timestamptz, :beforeId::uuid))"
        + " order by created_at desc, id desc limit :limit")
    List<ModelPriceRow> pageRows(UUID organizationId, @Nullable Instant beforeCreatedAt, @Nullable UUID beforeId, int limit);

    @Query("delete from model_prices where organization_id = :organizationId and id = :id")
    int delete(UUID organizationId, UUID id);
}
