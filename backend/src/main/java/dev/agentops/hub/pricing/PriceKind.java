package dev.agentops.hub.pricing;

import dev.agentops.hub.shared.web.WireNames;

import java.util.Optional;

/** The kinds of tokens a model prices, by their name in the catalog, the API and cost breakdowns. */
enum PriceKind {
    INPUT, OUTPUT, CACHE_READ, CACHE_WRITE_5M, CACHE_WRITE_1H, REASONING;

    String key() {
        return WireNames.of(this);
    }

    static Optional<PriceKind> fromKey(String key) {
        return WireNames.parse(PriceKind.class, key);
    }
}
