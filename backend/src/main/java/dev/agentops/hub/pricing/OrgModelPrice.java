package dev.agentops.hub.pricing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A row of {@code model_prices}: an organization's own price for a model, which wins over the catalog for that
 * organization. Rows are never updated (replace = delete + create), so {@code org:<id>} names one set of prices
 * for good. Without {@code matchPattern} the price applies to the model name exactly (case-insensitively).
 */
record OrgModelPrice(UUID id, UUID organizationId, String model, String matchPattern, String provider, Prices prices,
                     List<PriceTier> tiers, LocalDate effectiveFrom, UUID createdBy, Instant createdAt) {

    static final String ID_PREFIX = "org:";

    String entryId() {
        return ID_PREFIX + id;
    }

    ModelPrice toModelPrice() {
        return new ModelPrice(entryId(), model, provider,
            matchPattern == null ? ModelPatterns.exactly(model) : ModelPatterns.compile(matchPattern),
            effectiveFrom, prices, tiers);
    }
}
