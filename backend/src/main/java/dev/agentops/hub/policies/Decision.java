package dev.agentops.hub.policies;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.agentops.hub.shared.web.WireNames;

/**
 * What a policy (and a check) decides. Declared from weakest to strongest: when several policies match, the strongest
 * wins (block &gt; require_approval &gt; allow), whatever their order.
 */
public enum Decision {
    @JsonProperty("allow") ALLOW,
    @JsonProperty("require_approval") REQUIRE_APPROVAL,
    @JsonProperty("block") BLOCK;

    public String wireName() {
        return WireNames.of(this);
    }
}
