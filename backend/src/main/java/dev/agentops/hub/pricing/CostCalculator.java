package dev.agentops.hub.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cost of a {@link TokenUsage} at one set of {@link Prices}, exact: token counts times decimal prices are
 * exact products, summed exactly, and rounded once, to {@link #SCALE} decimal places with
 * {@link RoundingMode#HALF_UP} (the scale of {@code cost_usd numeric(20, 10)}). Each breakdown entry is rounded
 * the same way on its own. Catalog prices have at most 10 decimal places, so for them nothing is ever rounded.
 *
 * <p>Per kind (the breakdown's keys):
 * <ul>
 *   <li>{@code input}: uncached input (input − cache read − cache writes) at the input price;</li>
 *   <li>{@code cache_read}: at the cache-read price, else the input price;</li>
 *   <li>{@code cache_write_5m}: at the 5-minute cache-write price, else the input price;</li>
 *   <li>{@code cache_write_1h}: at the 1-hour price, else the 5-minute price, else the input price;</li>
 *   <li>{@code output}: non-reasoning output (output − reasoning) at the output price;</li>
 *   <li>{@code reasoning}: at the reasoning price, else the output price (so a model without a separate reasoning
 *   price bills all output at the output price, and reasoning tokens are never billed twice).</li>
 * </ul>
 * A kind left without any price (an organization's price that names only an output price, say) costs nothing.
 */
final class CostCalculator {

    static final int SCALE = 10;
    static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    record Cost(BigDecimal total, Map<String, BigDecimal> breakdown) {
    }

    private CostCalculator() {
    }

    static Cost calculate(Prices prices, TokenUsage usage) {
        BigDecimal input = prices.get(PriceKind.INPUT).orElse(BigDecimal.ZERO);
        BigDecimal output = prices.get(PriceKind.OUTPUT).orElse(BigDecimal.ZERO);
        BigDecimal cacheRead = prices.get(PriceKind.CACHE_READ).orElse(input);
        BigDecimal write5m = prices.get(PriceKind.CACHE_WRITE_5M).orElse(input);
        BigDecimal write1h = prices.get(PriceKind.CACHE_WRITE_1H).orElse(write5m);
        BigDecimal reasoning = prices.get(PriceKind.REASONING).orElse(output);

        Map<String, BigDecimal> breakdown = new LinkedHashMap<>();
        breakdown.put(PriceKind.INPUT.key(), times(usage.uncachedInputTokens(), input));
        breakdown.put(PriceKind.CACHE_READ.key(), times(usage.cacheReadTokens(), cacheRead));
        breakdown.put(PriceKind.CACHE_WRITE_5M.key(), times(usage.cacheWrite5mTokens(), write5m));
        breakdown.put(PriceKind.CACHE_WRITE_1H.key(), times(usage.cacheWrite1hTokens(), write1h));
        breakdown.put(PriceKind.OUTPUT.key(), times(usage.outputTokens() - usage.reasoningTokens(), output));
        breakdown.put(PriceKind.REASONING.key(), times(usage.reasoningTokens(), reasoning));

        // the total from the exact products, before each entry is rounded on its own
        BigDecimal total = breakdown.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(SCALE, ROUNDING);
        breakdown.replaceAll((kind, cost) -> cost.setScale(SCALE, ROUNDING));
        return new Cost(total, Collections.unmodifiableMap(breakdown));
    }

    private static BigDecimal times(long tokens, BigDecimal price) {
        return BigDecimal.valueOf(tokens).multiply(price);
    }
}
