package dev.agentops.hub.pricing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * A parsed, fully validated price catalog (format: backend/tools/pricing/README.md). Immutable; a refresh builds a
 * new one and swaps it in whole. Lookups remember which entries match a model name, so the regexes run once per
 * distinct name rather than once per run.
 */
final class PriceCatalog {

    private static final int MAX_REMEMBERED_NAMES = 10_000;

    private final String version;
    private final String source;
    private final List<ModelPrice> models;
    private final Cache<String, List<ModelPrice>> matchesByName = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED_NAMES).build();

    private PriceCatalog(String version, String source, List<ModelPrice> models) {
        this.version = version;
        this.source = source;
        this.models = List.copyOf(models);
    }

    String version() {
        return version;
    }

    String source() {
        return source;
    }

    List<ModelPrice> models() {
        return models;
    }

    /** The first entry that matches {@code model} and is in effect at {@code at}. */
    Optional<ModelPrice> find(String model, Instant at) {
        List<ModelPrice> candidates = matchesByName.get(model.toLowerCase(Locale.ROOT),
            key -> models.stream().filter(entry -> entry.matches(model)).toList());
        return candidates.stream().filter(entry -> entry.effectiveAt(at)).findFirst();
    }

    /** Reads a catalog document, refusing it whole (IllegalArgumentException naming the entry) at the first problem. */
    static PriceCatalog parse(Map<String, Object> document) {
        String version = text(document, "version", "catalog", 100);
        Object source = document.get("source");
        if (source != null && !(source instanceof String)) {
            throw new IllegalArgumentException("catalog: source must be a string");
        }
        if (!(document.get("models") instanceof List<?> rawModels) || rawModels.isEmpty()) {
            throw new IllegalArgumentException("catalog: models must be a non-empty list");
        }
        List<ModelPrice> models = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rawModels.size(); i++) {
            if (!(rawModels.get(i) instanceof Map<?, ?> raw)) {
                throw new IllegalArgumentException("models[" + i + "] must be an object");
            }
            ModelPrice entry = entry(raw, "models[" + i + "]");
            if (!ids.add(entry.id())) {
                throw new IllegalArgumentException("models[" + i + "]: duplicate id '" + entry.id() + "'");
            }
            models.add(entry);
        }
        return new PriceCatalog(version, (String) source, models);
    }

    private static ModelPrice entry(Map<?, ?> raw, String where) {
        String id = text(raw, "id", where, 200);
        String place = where + " (" + id + ")";
        if (!id.matches("[a-z0-9][a-z0-9._:-]*")) {
            throw new IllegalArgumentException(place + ": id must be lower-case letters, digits, '.', '_', ':' or '-'");
        }
        String name = text(raw, "name", place, 200);
        String provider = text(raw, "provider", place, 100);
        String match = text(raw, "match", place, ModelPatterns.MAX_PATTERN_LENGTH);
        LocalDate effectiveFrom;
        try {
            effectiveFrom = LocalDate.parse(text(raw, "effective_from", place, 10));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(place + ": effective_from must be a date like 2026-01-31");
        }
        try {
            Prices prices = prices(raw.get("prices"), place + ".prices");
            List<PriceTier> tiers = new ArrayList<>();
            Object rawTiers = raw.get("tiers");
            if (rawTiers != null) {
                if (!(rawTiers instanceof List<?> list)) {
                    throw new IllegalArgumentException(place + ": tiers must be a list");
                }
                for (int t = 0; t < list.size(); t++) {
                    String tierPlace = place + ".tiers[" + t + "]";
                    if (!(list.get(t) instanceof Map<?, ?> tier) || !(tier.get("above_input_tokens") instanceof Number threshold)
                        || threshold.doubleValue() != Math.rint(threshold.doubleValue())) {
                        throw new IllegalArgumentException(tierPlace + " needs a whole above_input_tokens and prices");
                    }
                    tiers.add(new PriceTier(threshold.longValue(), prices(tier.get("prices"), tierPlace + ".prices")));
                }
            }
            return new ModelPrice(id, name, provider, ModelPatterns.compile(match), effectiveFrom, prices, tiers);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(place + ": match is not a valid regular expression: " + e.getDescription());
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(place)
                ? e : new IllegalArgumentException(place + ": " + e.getMessage());
        }
    }

    private static Prices prices(Object raw, String where) {
        if (!(raw instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(where + " must be an object");
        }
        return Prices.parse(map);
    }

    private static String text(Map<?, ?> raw, String key, String where, int maxLength) {
        if (!(raw.get(key) instanceof String value) || value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException(where + ": " + key + " must be a non-blank string of at most " + maxLength
                + " characters");
        }
        return value;
    }
}
