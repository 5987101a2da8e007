package dev.agentops.hub.policies;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.agentops.hub.shared.web.WireNames;

/** {@code active}: enforced; {@code shadow}: evaluated and counted, never enforced; {@code disabled}: not evaluated. */
public enum PolicyStatus {
    @JsonProperty("active") ACTIVE,
    @JsonProperty("shadow") SHADOW,
    @JsonProperty("disabled") DISABLED;

    public String wireName() {
        return WireNames.of(this);
    }
}
