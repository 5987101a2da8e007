package dev.agentops.hub.runs;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.agentops.hub.shared.web.WireNames;

/** A run's status; it only moves forward, from running to one of the final states. */
public enum RunStatus {
    @JsonProperty("running") RUNNING,
    @JsonProperty("completed") COMPLETED,
    @JsonProperty("failed") FAILED,
    @JsonProperty("cancelled") CANCELLED;

    public String wireName() {
        return WireNames.of(this);
    }
}
