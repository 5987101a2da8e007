package dev.agentops.hub.pricing;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.agentops.hub.shared.web.WireNames;

/** The shape of a token_usage object, when the client says it (UsageNormalizer otherwise recognises it). */
public enum UsageFormat {
    @JsonProperty("openai") OPENAI,
    @JsonProperty("anthropic") ANTHROPIC,
    @JsonProperty("agentops") AGENTOPS;

    public String wireName() {
        return WireNames.of(this);
    }
}
