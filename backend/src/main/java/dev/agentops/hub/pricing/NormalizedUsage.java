package dev.agentops.hub.pricing;

import java.util.List;

/**
 * What {@link UsageNormalizer#read} made of a client's usage object.
 *
 * @param usage            the counts it could read ({@link TokenUsage#ZERO} when it recognised none)
 * @param recognized       false when the object carried values but not one count of a known shape: such a usage
 *                         must not be priced (its cost is unknown, not 0; cost_source {@code usage_unrecognized})
 * @param unrecognizedKeys dotted paths of the keys that did not go into {@code usage}: for an unrecognised object
 *                         all of its keys, for a recognised one the numeric keys its shape does not know (at most
 *                         {@value UsageNormalizer#MAX_LISTED_KEYS}, sorted)
 */
public record NormalizedUsage(TokenUsage usage, boolean recognized, List<String> unrecognizedKeys) {

    public static final NormalizedUsage NONE = new NormalizedUsage(TokenUsage.ZERO, true, List.of());

    public NormalizedUsage {
        unrecognizedKeys = List.copyOf(unrecognizedKeys);
    }
}
