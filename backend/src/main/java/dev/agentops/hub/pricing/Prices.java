package dev.agentops.hub.pricing;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * USD per token for each kind a model prices; a kind it does not price is absent (see {@link CostCalculator} for
 * the fallbacks). Prices are non-negative, have at most {@link #MAX_SCALE} decimal places and fewer than
 * {@link #MAX_INTEGER_DIGITS} integer digits: the shape of {@code numeric(20, 12)}, so nothing is rounded on the way
 * to or from the database.
 */
record Prices(Map<PriceKind, BigDecimal> byKind) {

    static final int MAX_SCALE = 12;
    static final int MAX_INTEGER_DIGITS = 8;

    Prices {
        EnumMap<PriceKind, BigDecimal> copy = new EnumMap<>(PriceKind.class);
        byKind.forEach((kind, price) -> {
            String problem = problemWith(price);
            if (problem != null) {
                throw new IllegalArgumentException(kind.key() + " " + problem);
            }
            copy.put(kind, price);
        });
        if (!copy.containsKey(PriceKind.INPUT) && !copy.containsKey(PriceKind.OUTPUT)) {
            throw new IllegalArgumentException("an input or an output price is required");
        }
        byKind = Collections.unmodifiableMap(copy);
    }

    Optional<BigDecimal> get(PriceKind kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    /** Why {@code price} cannot be a price, or null when it can. */
    static String problemWith(BigDecimal price) {
        if (price == null) {
            return "must not be null";
        }
        if (price.signum() < 0) {
            return "must not be negative";
        }
        BigDecimal stripped = price.stripTrailingZeros();
        if (stripped.scale() > MAX_SCALE) {
            return "must have at most " + MAX_SCALE + " decimal places (USD per token)";
        }
        if (stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS) {
            return "must be below 10^" + MAX_INTEGER_DIGITS + " (USD per token)";
        }
        return null;
    }

    /** Prices as the catalog and the tiers column write them: kind name to a decimal string. */
    static Prices parse(Map<?, ?> raw) {
        EnumMap<PriceKind, BigDecimal> prices = new EnumMap<>(PriceKind.class);
        raw.forEach((key, value) -> {
            PriceKind kind = PriceKind.fromKey(String.valueOf(key))
                .orElseThrow(() -> new IllegalArgumentException("unknown price kind '" + key + "'"));
            if (!(value instanceof String text)) {
                throw new IllegalArgumentException(kind.key() + " must be a decimal string");
            }
            try {
                prices.put(kind, new BigDecimal(text.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(kind.key() + " is not a decimal number");
            }
        });
        return new Prices(prices);
    }

    /** Plain decimal strings ({@code "0.0000025"}), in kind order. */
    Map<String, String> asStrings() {
        Map<String, String> out = new LinkedHashMap<>();
        byKind.forEach((kind, price) -> out.put(kind.key(), price.stripTrailingZeros().toPlainString()));
        return out;
    }
}
