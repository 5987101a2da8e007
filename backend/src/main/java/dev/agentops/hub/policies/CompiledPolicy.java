package dev.agentops.hub.policies;

import java.util.UUID;

/** One version of a policy, ready to evaluate: what the per-organization cache holds. */
public record CompiledPolicy(UUID id, int version, String name, PolicyStatus status, Rule rule) {

    public boolean shadow() {
        return status == PolicyStatus.SHADOW;
    }
}
