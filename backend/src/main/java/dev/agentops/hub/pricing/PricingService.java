package dev.agentops.hub.pricing;

import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Prices token usage for the ingestion workers (and anything else that needs a cost). See the package
 * documentation for the rules; in short: the organization's own prices win, then the first catalog entry that
 * matches the model name and is in effect at the run's time; an unknown model has no price (empty), never 0.
 */
@Singleton
public class PricingService {

    /** The {@link PricedCost#catalogVersion()} of costs computed from an organization's own price. */
    public static final String ORG_VERSION = "org";

    private final ShippedCatalog catalog;
    private final OrgPrices orgPrices;

    PricingService(ShippedCatalog catalog, OrgPrices orgPrices) {
        this.catalog = catalog;
        this.orgPrices = orgPrices;
    }

    /**
     * The cost of {@code usage} on {@code model} for the organization at time {@code at}.
     *
     * <p>May be called inside a running tenant transaction of the same organization (it joins it to read the
     * organization's prices when they are not cached), or outside any transaction; not inside another
     * organization's tenant scope.
     *
     * @param model the model name as the client sent it ({@code openai/gpt-4o}, a Bedrock id...); blank = unpriced
     * @param at    when the usage happened (the run's start), which selects entries by {@code effective_from};
     *              null = now
     * @return empty when no price is known for the model: mark the run unpriced
     */
    public Optional<PricedCost> price(UUID organizationId, String model, TokenUsage usage, Instant at) {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(usage, "usage");
        if (model == null || model.isBlank()) {
            return Optional.empty();
        }
        String name = model.trim();
        Instant when = at == null ? Instant.now() : at;
        PriceCatalog current = catalog.get();
        return orgPrices.find(organizationId, name, when).map(own -> priced(own, usage, ORG_VERSION))
            .or(() -> current.find(name, when).map(entry -> priced(entry, usage, current.version())));
    }

    /** The version of the catalog in use. */
    public String catalogVersion() {
        return catalog.get().version();
    }

    private static PricedCost priced(ModelPrice entry, TokenUsage usage, String version) {
        CostCalculator.Cost cost = CostCalculator.calculate(entry.pricesFor(usage.inputTokens()), usage);
        return new PricedCost(cost.total(), cost.breakdown(), entry.id(), version);
    }
}
