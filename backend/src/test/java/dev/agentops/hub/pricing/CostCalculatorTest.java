package dev.agentops.hub.pricing;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class CostCalculatorTest {

    @Test
    void billsReasoningAtItsOwnPriceAndTheRestOfTheOutputAtTheOutputPrice() {
        Prices prices = prices(Map.of(PriceKind.INPUT, "0.000001", PriceKind.OUTPUT, "0.000004", PriceKind.REASONING, "0.000002"));

        CostCalculator.Cost cost = CostCalculator.calculate(prices, new TokenUsage(1000, 1000, 0, 0, 0, 600));

        // 1000 × 0.000001 + 400 × 0.000004 + 600 × 0.000002 = 0.001 + 0.0016 + 0.0012
        assertThat(cost.total()).isEqualByComparingTo("0.0038");
        assertThat(cost.total().toPlainString()).isEqualTo("0.0038000000");
        assertThat(cost.breakdown()).containsExactly(
            entry("input", new BigDecimal("0.0010000000")),
            entry("cache_read", new BigDecimal("0E-10")),
            entry("cache_write_5m", new BigDecimal("0E-10")),
            entry("cache_write_1h", new BigDecimal("0E-10")),
            entry("output", new BigDecimal("0.0016000000")),
            entry("reasoning", new BigDecimal("0.0012000000")));
    }

    @Test
    void withoutCachePricesCachedTokensCostTheInputPrice() {
        Prices prices = prices(Map.of(PriceKind.INPUT, "0.000003", PriceKind.OUTPUT, "0.000015"));

        CostCalculator.Cost cost = CostCalculator.calculate(prices, new TokenUsage(1000, 0, 200, 100, 50, 0));

        // 650 uncached + 200 read + 100 + 50 written, all at 0.000003 = 1000 × 0.000003
        assertThat(cost.total().toPlainString()).isEqualTo("0.0030000000");
        assertThat(cost.breakdown().get("input").toPlainString()).isEqualTo("0.0019500000");
        assertThat(cost.breakdown().get("cache_read").toPlainString()).isEqualTo("0.0006000000");
        assertThat(cost.breakdown().get("cache_write_5m").toPlainString()).isEqualTo("0.0003000000");
        assertThat(cost.breakdown().get("cache_write_1h").toPlainString()).isEqualTo("0.0001500000");
    }

    @Test
    void oneHourCacheWritesFallBackToTheFiveMinutePrice() {
        Prices prices = prices(Map.of(PriceKind.INPUT, "0.000003", PriceKind.OUTPUT, "0.000015", PriceKind.CACHE_WRITE_5M, "0.00000375"));

        CostCalculator.Cost cost = CostCalculator.calculate(prices, new TokenUsage(100, 0, 0, 0, 100, 0));

        assertThat(cost.total().toPlainString()).isEqualTo("0.0003750000");
    }

    @Test
    void kindsWithoutAnyPriceCostNothing() {
        Prices outputOnly = prices(Map.of(PriceKind.OUTPUT, "0.00001"));

        CostCalculator.Cost cost = CostCalculator.calculate(outputOnly, new TokenUsage(5000, 100, 1000, 0, 0, 40));

        assertThat(cost.total().toPlainString()).isEqualTo("0.0010000000");
    }

    @Test
    void roundsTheExactSumOnceToTenDecimalsHalfUp() {
        Prices tiny = prices(Map.of(PriceKind.INPUT, "0.000000000001", PriceKind.OUTPUT, "0.000000000001"));

        assertThat(CostCalculator.calculate(tiny, TokenUsage.of(49, 0)).total().toPlainString()).isEqualTo("0.0000000000");
        assertThat(CostCalculator.calculate(tiny, TokenUsage.of(50, 0)).total().toPlainString()).isEqualTo("0.0000000001");
        // 30 + 30 would round to 0 + 0 kind by kind; the total is rounded from the exact sum 6.0E-11
        assertThat(CostCalculator.calculate(tiny, TokenUsage.of(30, 30)).total().toPlainString()).isEqualTo("0.0000000001");
    }

    @Test
    void zeroUsageCostsExactlyZero() {
        Prices prices = prices(Map.of(PriceKind.INPUT, "0.0000025", PriceKind.OUTPUT, "0.00001"));

        assertThat(CostCalculator.calculate(prices, TokenUsage.ZERO).total()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    private static Prices prices(Map<PriceKind, String> byKind) {
        Map<PriceKind, BigDecimal> prices = new EnumMap<>(PriceKind.class);
        byKind.forEach((kind, price) -> prices.put(kind, new BigDecimal(price)));
        return new Prices(prices);
    }
}
