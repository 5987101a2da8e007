package dev.agentops.hub.pricing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The prices of one model: an entry of the shipped catalog or an organization's own price.
 *
 * @param id            stable id stored with each priced run: the catalog id ({@code gpt-4o}) or {@code org:<uuid>}
 * @param match         compiled case-insensitively; must match the whole model name
 * @param effectiveFrom first UTC day the entry applies to, or null for always
 * @param tiers         sorted by threshold, ascending
 */
record ModelPrice(String id, String name, String provider, Pattern match, LocalDate effectiveFrom, Prices prices,
                  List<PriceTier> tiers) {

    ModelPrice {
        tiers = tiers.stream().sorted(Comparator.comparingLong(PriceTier::aboveInputTokens)).toList();
        for (int i = 1; i < tiers.size(); i++) {
            if (tiers.get(i).aboveInputTokens() == tiers.get(i - 1).aboveInputTokens()) {
                throw new IllegalArgumentException("two tiers above " + tiers.get(i).aboveInputTokens() + " input tokens");
            }
        }
    }

    boolean matches(String model) {
        return ModelPatterns.matches(match, model);
    }

    boolean effectiveAt(Instant at) {
        return effectiveFrom == null || !at.isBefore(effectiveFrom.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** The tier with the highest threshold that {@code inputTokens} exceeds, else the base prices. */
    Prices pricesFor(long inputTokens) {
        return tiers.stream().filter(tier -> inputTokens > tier.aboveInputTokens()).reduce((lower, higher) -> higher)
            .map(PriceTier::prices).orElse(prices);
    }
}
