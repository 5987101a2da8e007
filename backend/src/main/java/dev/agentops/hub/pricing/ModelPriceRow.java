package dev.agentops.hub.pricing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A row of {@code model_prices} as stored (a column per price kind, tiers as JSON); {@link OrgModelPrice} is what the code uses. */
@MappedEntity("model_prices")
record ModelPriceRow(@Id UUID id, UUID organizationId, String model, @Nullable String matchPattern, @Nullable String provider,
                     @Nullable BigDecimal inputPrice, @Nullable BigDecimal outputPrice, @Nullable BigDecimal cacheReadPrice,
                     @MappedProperty("cache_write_5m_price") @Nullable BigDecimal cacheWrite5mPrice,
                     @MappedProperty("cache_write_1h_price") @Nullable BigDecimal cacheWrite1hPrice,
                     @Nullable BigDecimal reasoningPrice, @TypeDef(type = DataType.JSON) List<Map<String, Object>> tiers,
                     @Nullable String effectiveFrom, @Nullable UUID createdBy, Instant createdAt) {

    static final String COLUMNS = """
        id, organization_id, model, match_pattern, provider, input_price, output_price, cache_read_price,
        cache_write_5m_price, cache_write_1h_price, reasoning_price, tiers, effective_from::text as effective_from,
        created_by, created_at""";

    OrgModelPrice toPrice() {
        EnumMap<PriceKind, BigDecimal> prices = new EnumMap<>(PriceKind.class);
        put(prices, PriceKind.INPUT, inputPrice);
        put(prices, PriceKind.OUTPUT, outputPrice);
        put(prices, PriceKind.CACHE_READ, cacheReadPrice);
        put(prices, PriceKind.CACHE_WRITE_5M, cacheWrite5mPrice);
        put(prices, PriceKind.CACHE_WRITE_1H, cacheWrite1hPrice);
        put(prices, PriceKind.REASONING, reasoningPrice);
        return new OrgModelPrice(id, organizationId, model, matchPattern, provider, new Prices(prices), tiers.stream()
            .map(t -> new PriceTier(((Number) t.get("above_input_tokens")).longValue(), Prices.parse((Map<?, ?>) t.get("prices"))))
            .toList(), effectiveFrom == null ? null : LocalDate.parse(effectiveFrom), createdBy, createdAt);
    }

    private static void put(Map<PriceKind, BigDecimal> prices, PriceKind kind, @Nullable BigDecimal value) {
        if (value != null) {
            prices.put(kind, value.stripTrailingZeros());
        }
    }
}
