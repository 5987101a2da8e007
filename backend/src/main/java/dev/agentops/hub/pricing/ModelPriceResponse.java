package dev.agentops.hub.pricing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One price entry as the API shows it: an organization's own ({@code source = "organization"}, {@code id} a UUID)
 * or the shipped catalog's ({@code source = "catalog"}, {@code id} the catalog id). Prices are USD per token as
 * decimal strings, so they survive JSON exactly.
 */
@Serdeable
@Schema(name = "ModelPriceResponse")
record ModelPriceResponse(String id,
                          @Schema(allowableValues = {"organization", "catalog"}) String source,
                          String model,
                          @Nullable String provider,
                          @Nullable @Schema(description = "Java regular expression, case-insensitive, whole name; "
                              + "null = the model name exactly") String match,
                          @Nullable LocalDate effectiveFrom,
                          @Schema(description = "USD per token by kind (input, output, cache_read, cache_write_5m, "
                              + "cache_write_1h, reasoning), as decimal strings") Map<String, String> prices,
                          List<TierView> tiers,
                          @Schema(description = "The catalog version, or \"org\" for an organization's own price")
                          String catalogVersion,
                          @Nullable Instant createdAt,
                          @Nullable UUID createdBy) {

    static final String ORGANIZATION = "organization";
    static final String CATALOG = "catalog";

    @Serdeable
    @Schema(name = "ModelPriceTier")
    record TierView(long aboveInputTokens, Map<String, String> prices) {
    }

    static ModelPriceResponse of(OrgModelPrice price) {
        return new ModelPriceResponse(price.id().toString(), ORGANIZATION, price.model(), price.provider(),
            price.matchPattern(), price.effectiveFrom(), price.prices().asStrings(), tiers(price.tiers()),
            PricingService.ORG_VERSION, price.createdAt(), price.createdBy());
    }

    static ModelPriceResponse of(ModelPrice entry, String catalogVersion) {
        return new ModelPriceResponse(entry.id(), CATALOG, entry.name(), entry.provider(), entry.match().pattern(),
            entry.effectiveFrom(), entry.prices().asStrings(), tiers(entry.tiers()), catalogVersion, null, null);
    }

    private static List<TierView> tiers(List<PriceTier> tiers) {
        return tiers.stream().map(t -> new TierView(t.aboveInputTokens(), t.prices().asStrings())).toList();
    }
}
