package dev.agentops.hub.pricing;

import dev.agentops.hub.shared.db.Jdbc;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Singleton
class ModelPriceRepository {

    private static final String COLUMNS = """
        id, organization_id, model, match_pattern, provider, input_price, output_price, cache_read_price,
        cache_write_5m_price, cache_write_1h_price, reasoning_price, tiers::text as tiers, effective_from::text as effective_from,
        created_by, created_at""";

    private final Jdbc jdbc;
    private final JsonMapper json;

    ModelPriceRepository(Jdbc jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    UUID insert(UUID organizationId, String model, String matchPattern, String provider, Prices prices,
                List<PriceTier> tiers, LocalDate effectiveFrom, UUID createdBy) {
        return jdbc.queryOne("""
            insert into model_prices (organization_id, model, match_pattern, provider, input_price, output_price,
                                      cache_read_price, cache_write_5m_price, cache_write_1h_price, reasoning_price,
                                      tiers, effective_from, created_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::date, ?) returning id""", row -> row.uuid("id"),
            organizationId, model, matchPattern, provider, price(prices, PriceKind.INPUT), price(prices, PriceKind.OUTPUT),
            price(prices, PriceKind.CACHE_READ), price(prices, PriceKind.CACHE_WRITE_5M),
            price(prices, PriceKind.CACHE_WRITE_1H), price(prices, PriceKind.REASONING), new Jdbc.Json(tiersJson(tiers)),
            effectiveFrom == null ? null : effectiveFrom.toString(), createdBy).orElseThrow();
    }

    Optional<OrgModelPrice> find(UUID organizationId, UUID id) {
        return jdbc.queryOne("select " + COLUMNS + " from model_prices where organization_id = ? and id = ?", this::map,
            organizationId, id);
    }

    /** Newest first: among several organization prices that match a model, the newest wins. */
    List<OrgModelPrice> all(UUID organizationId) {
        return jdbc.query("select " + COLUMNS + " from model_prices where organization_id = ? order by created_at desc, id desc",
            this::map, organizationId);
    }

    List<OrgModelPrice> page(UUID organizationId, Instant beforeCreatedAt, UUID beforeId, int limit) {
        if (beforeCreatedAt == null) {
            return jdbc.query("select " + COLUMNS + " from model_prices where organization_id = ? "
                + "order by created_at desc, id desc limit ?", this::map, organizationId, limit);
        }
        return jdbc.query("select " + COLUMNS + " from model_prices where organization_id = ? and (created_at, id) < (?, ?) "
            + "order by created_at desc, id desc limit ?", this::map, organizationId, beforeCreatedAt, beforeId, limit);
    }

    boolean delete(UUID organizationId, UUID id) {
        return jdbc.update("delete from model_prices where organization_id = ? and id = ?", organizationId, id) == 1;
    }

    private static BigDecimal price(Prices prices, PriceKind kind) {
        return prices.get(kind).orElse(null);
    }

    private static List<Map<String, Object>> tiersJson(List<PriceTier> tiers) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PriceTier tier : tiers) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("above_input_tokens", tier.aboveInputTokens());
            entry.put("prices", tier.prices().asStrings());
            out.add(entry);
        }
        return out;
    }

    private OrgModelPrice map(Jdbc.Row row) throws SQLException {
        EnumMap<PriceKind, BigDecimal> prices = new EnumMap<>(PriceKind.class);
        putIfPresent(prices, PriceKind.INPUT, row.decimal("input_price"));
        putIfPresent(prices, PriceKind.OUTPUT, row.decimal("output_price"));
        putIfPresent(prices, PriceKind.CACHE_READ, row.decimal("cache_read_price"));
        putIfPresent(prices, PriceKind.CACHE_WRITE_5M, row.decimal("cache_write_5m_price"));
        putIfPresent(prices, PriceKind.CACHE_WRITE_1H, row.decimal("cache_write_1h_price"));
        putIfPresent(prices, PriceKind.REASONING, row.decimal("reasoning_price"));
        String effectiveFrom = row.string("effective_from");
        return new OrgModelPrice(row.uuid("id"), row.uuid("organization_id"), row.string("model"), row.string("match_pattern"),
            row.string("provider"), new Prices(prices), tiers(row.string("tiers")),
            effectiveFrom == null ? null : LocalDate.parse(effectiveFrom), row.uuid("created_by"), row.instant("created_at"));
    }

    private static void putIfPresent(Map<PriceKind, BigDecimal> prices, PriceKind kind, BigDecimal value) {
        if (value != null) {
            prices.put(kind, value.stripTrailingZeros());
        }
    }

    private List<PriceTier> tiers(String text) {
        try {
            List<Map<String, Object>> raw = json.readValue(text, Argument.listOf(Argument.mapOf(String.class, Object.class)));
            List<PriceTier> tiers = new ArrayList<>();
            for (Map<String, Object> tier : raw) {
                tiers.add(new PriceTier(((Number) tier.get("above_input_tokens")).longValue(),
                    Prices.parse((Map<?, ?>) tier.get("prices"))));
            }
            return tiers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
