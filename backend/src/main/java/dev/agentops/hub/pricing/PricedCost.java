package dev.agentops.hub.pricing;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The cost of a usage at the prices of one catalog entry or organization price.
 *
 * @param costUsd        exact, scale 10 (rounded once, HALF_UP): store it in {@code cost_usd numeric(20, 10)} as is
 * @param breakdown      cost per kind, scale 10, keys in this order: {@code input} (uncached input),
 *                       {@code cache_read}, {@code cache_write_5m}, {@code cache_write_1h}, {@code output}
 *                       (non-reasoning output), {@code reasoning}; every key is present, zero when unused
 * @param modelEntryId   which prices were used: a catalog id ({@code gpt-4o}) or {@code org:<uuid>} for an
 *                       organization's own price (store it in {@code runs.pricing_model})
 * @param catalogVersion the catalog's version ({@code 2026-08-22.1}), or {@value PricingService#ORG_VERSION} for an
 *                       organization's own price (store it in {@code runs.pricing_version})
 */
public record PricedCost(BigDecimal costUsd, Map<String, BigDecimal> breakdown, String modelEntryId, String catalogVersion) {
}
