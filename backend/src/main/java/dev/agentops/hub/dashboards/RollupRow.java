package dev.agentops.hub.dashboards;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Rollup figures of one (bucket, agent, model), already summed over the hours of the bucket. */
record RollupRow(Instant bucket, UUID agentId, String model, long runs, long errors, long completed, long cancelled,
                 BigDecimal costUsd, long[] latency) {

    /** Runs counted under a status filter; "running" is what is neither failed, completed nor cancelled. */
    long runsWithStatus(String status) {
        if (status == null) {
            return runs;
        }
        return switch (status) {
            case "failed" -> errors;
            case "completed" -> completed;
            case "cancelled" -> cancelled;
            default -> runs - errors - completed - cancelled;
        };
    }
}
