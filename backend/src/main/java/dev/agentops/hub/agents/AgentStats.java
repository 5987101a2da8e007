package dev.agentops.hub.agents;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** An agent's last-24-hours figures from the hourly rollups. */
@Serdeable
public record AgentStats(long runs, double errorRate, BigDecimal costUsd) {

    public static final AgentStats NONE = new AgentStats(0, 0.0, BigDecimal.ZERO);

    public static AgentStats of(long runs, long errors, BigDecimal costUsd) {
        return new AgentStats(runs, runs == 0 ? 0.0 : (double) errors / runs, costUsd);
    }
}
