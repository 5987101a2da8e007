package dev.agentops.hub.policies;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.UUID;

/**
 * Why a check decided as it did: a policy that matched ({@code code: policy}), one that failed to evaluate and
 * applied its {@code on_error} ({@code evaluation_error}, with {@code message}), or a paused agent / halted
 * organization ({@code agent_paused}, no policy).
 */
@Serdeable
@Schema(name = "PolicyReason")
public record PolicyReason(@Schema(allowableValues = {"policy", "evaluation_error", "agent_paused"}) String code,
                           @Nullable UUID policyId, @Nullable Integer version, @Nullable String name,
                           @Schema(implementation = Decision.class) String decision, @Nullable String message) {

    static PolicyReason of(Verdict v) {
        CompiledPolicy p = v.policy();
        return new PolicyReason(v.error() == null ? "policy" : "evaluation_error", p.id(), p.version(), p.name(),
            v.decision().wireName(), v.error());
    }

    /** The short form the run's {@code policy_check} event carries ({@code reasons}: a list of strings). */
    String summary() {
        return switch (code) {
            case "agent_paused" -> "agent_paused: " + message;
            case "evaluation_error" -> name + " v" + version + ": " + decision + " (evaluation error: " + message + ")";
            default -> name + " v" + version + ": " + decision;
        };
    }
}
