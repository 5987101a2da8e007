package dev.agentops.hub.pricing;

import dev.agentops.hub.audit.AuditActor;
import dev.agentops.hub.audit.AuditEvent;
import dev.agentops.hub.audit.AuditTrail;
import dev.agentops.hub.shared.db.DatabaseFailures;
import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.shared.web.FieldProblem;
import dev.agentops.hub.shared.web.ListResponse;
import dev.agentops.hub.shared.web.Paging;
import dev.agentops.hub.shared.web.Problems;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/** Organizations' own model prices: validation, storage, audit, and telling the caches. */
@Singleton
class ModelPriceService {

    private static final String ORG_CURSOR = "org|";
    private static final String CATALOG_CURSOR = "catalog|";
    private static final Pattern UUID_FORM =
        Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final ModelPriceRepository prices;
    private final TenantTransactions tenants;
    private final AuditTrail audit;
    private final OrgPrices cache;
    private final ShippedCatalog catalog;
    private final Optional<RedisPriceInvalidations> announcements;

    ModelPriceService(ModelPriceRepository prices, TenantTransactions tenants, AuditTrail audit, OrgPrices cache,
                      ShippedCatalog catalog, Optional<RedisPriceInvalidations> announcements) {
        this.prices = prices;
        this.tenants = tenants;
        this.audit = audit;
        this.cache = cache;
        this.catalog = catalog;
        this.announcements = announcements;
    }

    ModelPriceResponse create(Actor actor, ModelPriceCreateRequest request) {
        String model = request.model().trim();
        String match = request.match();
        String provider = request.provider() == null || request.provider().isBlank() ? null : request.provider().trim();
        List<FieldProblem> problems = new ArrayList<>();
        if (match != null) {
            try {
                ModelPatterns.compileUntrusted(match);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("match", e.getMessage()));
            }
        }
        Prices base = prices(request.prices(), "prices", problems);
        List<PriceTier> tiers = new ArrayList<>();
        Set<Long> thresholds = new HashSet<>();
        List<ModelPriceCreateRequest.Tier> requestedTiers = request.tiers() == null ? List.of() : request.tiers();
        for (int i = 0; i < requestedTiers.size(); i++) {
            ModelPriceCreateRequest.Tier tier = requestedTiers.get(i);
            String field = "tiers[" + i + "]";
            Prices tierPrices = prices(tier.prices(), field + ".prices", problems);
            if (tier.aboveInputTokens() <= 0 || tier.aboveInputTokens() > UsageNormalizer.MAX_TOKENS) {
                problems.add(new FieldProblem(field + ".above_input_tokens",
                    "must be between 1 and " + UsageNormalizer.MAX_TOKENS));
            } else if (!thresholds.add(tier.aboveInputTokens())) {
                problems.add(new FieldProblem(field + ".above_input_tokens", "another tier has the same threshold"));
            } else if (tierPrices != null) {
                tiers.add(new PriceTier(tier.aboveInputTokens(), tierPrices));
            }
        }
        if (!problems.isEmpty()) {
            throw Problems.validation(problems);
        }
        UUID org = actor.organizationId();
        OrgModelPrice created;
        try {
            created = tenants.write(org, () -> {
                UUID id = prices.insert(org, model, match, provider, base, tiers, request.effectiveFrom(),
                    actor.isUser() ? actor.id() : null);
                OrgModelPrice row = prices.find(org, id).orElseThrow();
                audit.record(org, AuditActor.of(actor), AuditEvent.of("pricing.model_created", "model_price", id)
                    .with("model", model).with("match", match).with("provider", provider)
                    .with("prices", base.asStrings()).with("tiers", tiers.stream()
                        .map(t -> Map.of("above_input_tokens", t.aboveInputTokens(), "prices", t.prices().asStrings())).toList())
                    .with("effective_from", request.effectiveFrom() == null ? null : request.effectiveFrom().toString()));
                return row;
            });
        } catch (RuntimeException e) {
            if (DatabaseFailures.uniqueViolation(e)) {
                throw Problems.conflict("duplicate", "This organization already has a price for model '" + model
                    + "'; delete it first to replace it.");
            }
            throw e;
        }
        changed(org);
        return ModelPriceResponse.of(created);
    }

    Optional<ModelPriceResponse> find(Actor actor, String id) {
        UUID org = actor.organizationId();
        UUID uuid = asUuid(id);
        if (uuid != null) {
            return tenants.read(org, () -> prices.find(org, uuid)).map(ModelPriceResponse::of);
        }
        PriceCatalog current = catalog.get();
        return current.models().stream().filter(m -> m.id().equals(id)).findFirst()
            .map(m -> ModelPriceResponse.of(m, current.version()));
    }

    /**
     * The organization's prices (newest first), then, with {@code includeCatalog}, the catalog's entries in catalog
     * order. The cursor names the last row shown: {@code org|<created_at>|<id>} or {@code catalog|<id>}.
     */
    ListResponse<ModelPriceResponse> list(Actor actor, boolean includeCatalog, int limit, String cursor) {
        UUID org = actor.organizationId();
        String key = cursor == null ? null : Paging.decode(cursor, k -> {
            if (k.startsWith(ORG_CURSOR)) {
                orgKey(k);
            } else if (!k.startsWith(CATALOG_CURSOR)) {
                throw new IllegalArgumentException("unknown cursor");
            }
            return k;
        });
        List<ModelPriceResponse> rows = new ArrayList<>();
        if (key == null || key.startsWith(ORG_CURSOR)) {
            Paging.TimeAndId after = key == null ? null : orgKey(key);
            tenants.read(org, () -> prices.page(org, after == null ? null : after.at(), after == null ? null : after.id(),
                limit + 1)).forEach(row -> rows.add(ModelPriceResponse.of(row)));
        }
        if (includeCatalog && rows.size() <= limit) {
            PriceCatalog current = catalog.get();
            List<ModelPrice> models = current.models();
            int start = 0;
            if (key != null && key.startsWith(CATALOG_CURSOR)) {
                int index = indexOf(models, key.substring(CATALOG_CURSOR.length()));
                if (index < 0) {
                    throw Problems.validation("cursor", "names a catalog entry that no longer exists; start the list again");
                }
                start = index + 1;
            }
            for (int i = start; i < models.size() && rows.size() <= limit; i++) {
                rows.add(ModelPriceResponse.of(models.get(i), current.version()));
            }
        }
        return Paging.page(rows, limit, row -> ModelPriceResponse.ORGANIZATION.equals(row.source())
            ? ORG_CURSOR + new Paging.TimeAndId(row.createdAt(), UUID.fromString(row.id())).key()
            : CATALOG_CURSOR + row.id());
    }

    void delete(Actor actor, String rawId) {
        UUID org = actor.organizationId();
        UUID id = asUuid(rawId);
        if (id == null) {
            if (indexOf(catalog.get().models(), rawId) >= 0) {
                throw Problems.conflict("conflict", "Catalog entries cannot be deleted; add an organization price for the "
                    + "model to override this one.");
            }
            throw Problems.notFound("model price", rawId);
        }
        tenants.run(org, () -> {
            OrgModelPrice price = prices.find(org, id).orElseThrow(() -> Problems.notFound("model price", id));
            if (prices.delete(org, id) == 1) {
                audit.record(org, AuditActor.of(actor), AuditEvent.of("pricing.model_deleted", "model_price", id)
                    .with("model", price.model()).with("prices", price.prices().asStrings()));
            }
        });
        changed(org);
    }

    private void changed(UUID org) {
        cache.invalidate(org);
        announcements.ifPresent(redis -> redis.publish(org));
    }

    private static Prices prices(ModelPriceCreateRequest.Rates rates, String field, List<FieldProblem> problems) {
        Map<PriceKind, BigDecimal> byKind = new EnumMap<>(PriceKind.class);
        Map<PriceKind, BigDecimal> sent = new LinkedHashMap<>();
        sent.put(PriceKind.INPUT, rates.input());
        sent.put(PriceKind.OUTPUT, rates.output());
        sent.put(PriceKind.CACHE_READ, rates.cacheRead());
        sent.put(PriceKind.CACHE_WRITE_5M, rates.cacheWrite5m());
        sent.put(PriceKind.CACHE_WRITE_1H, rates.cacheWrite1h());
        sent.put(PriceKind.REASONING, rates.reasoning());
        int before = problems.size();
        sent.forEach((kind, price) -> {
            if (price == null) {
                return;
            }
            String problem = Prices.problemWith(price);
            if (problem != null) {
                problems.add(new FieldProblem(field + "." + kind.key(), problem));
            } else {
                byKind.put(kind, price.stripTrailingZeros());
            }
        });
        if (rates.input() == null && rates.output() == null) {
            problems.add(new FieldProblem(field, "needs at least an input or an output price"));
        }
        return problems.size() == before ? new Prices(byKind) : null;
    }

    private static int indexOf(List<ModelPrice> models, String id) {
        return IntStream.range(0, models.size()).filter(i -> models.get(i).id().equals(id)).findFirst().orElse(-1);
    }

    private static Paging.TimeAndId orgKey(String key) {
        String[] parts = key.substring(ORG_CURSOR.length()).split("\\|", 2);
        return new Paging.TimeAndId(Instant.parse(parts[0]), UUID.fromString(parts[1]));
    }

    private static UUID asUuid(String id) {
        return UUID_FORM.matcher(id).matches() ? UUID.fromString(id) : null;
    }
}
