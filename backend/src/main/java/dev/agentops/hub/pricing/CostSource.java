package dev.agentops.hub.pricing;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.agentops.hub.shared.web.WireNames;

/**
 * Where a cost comes from: the price catalog (or the org's prices), the client, or nowhere (null cost, never 0):
 * {@code unpriced} when no price is known for the model, {@code usage_unrecognized} when the usage object matched no
 * known shape (its keys are listed in {@code usage_unrecognized_keys}).
 */
public enum CostSource {
    @JsonProperty("computed") COMPUTED,
    @JsonProperty("provided") PROVIDED,
    @JsonProperty("unpriced") UNPRICED,
    @JsonProperty("usage_unrecognized") USAGE_UNRECOGNIZED;

    public String wireName() {
        return WireNames.of(this);
    }

    /** Whether a cost source (wire name) means the cost is unknown. */
    public static boolean withoutCost(String wireName) {
        return UNPRICED.wireName().equals(wireName) || USAGE_UNRECOGNIZED.wireName().equals(wireName);
    }
}
