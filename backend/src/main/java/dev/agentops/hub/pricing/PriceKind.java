package dev.agentops.hub.pricing;

import java.util.Optional;

/** The kinds of tokens a model prices, by their name in the catalog, the API and cost breakdowns. */
enum PriceKind {
    INPUT("input"),
    OUTPUT("output"),
    CACHE_READ("cache_read"),
    CACHE_WRITE_5M("cache_write_5m"),
    CACHE_WRITE_1H("cache_write_1h"),
    REASONING("reasoning");

    private final String key;

    PriceKind(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    static Optional<PriceKind> fromKey(String key) {
        for (PriceKind kind : values()) {
            if (kind.key.equals(key)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
