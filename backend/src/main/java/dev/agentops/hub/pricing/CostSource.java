package dev.agentops.hub.pricing;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.agentops.hub.shared.web.WireNames;

/** Where a cost comes from: the price catalog (or the org's prices), the client, or nowhere (null cost, never 0). */
public enum CostSource {
    @JsonProperty("computed") COMPUTED,
    @JsonProperty("provided") PROVIDED,
    @JsonProperty("unpriced") UNPRICED;

    public String wireName() {
        return WireNames.of(this);
    }
}
