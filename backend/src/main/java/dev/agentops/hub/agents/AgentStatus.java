package dev.agentops.hub.agents;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.agentops.hub.shared.web.WireNames;

/** An agent's status: paused agents are told to stop, archived ones accept no runs. */
public enum AgentStatus {
    @JsonProperty("active") ACTIVE,
    @JsonProperty("paused") PAUSED,
    @JsonProperty("error") ERROR,
    @JsonProperty("archived") ARCHIVED;

    public String wireName() {
        return WireNames.of(this);
    }
}
