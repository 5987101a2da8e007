package dev.agentops.hub.policies;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.UUID;

/**
 * What one policy says about a sample: {@code matched} (its condition held), {@code decision} (its action when it
 * matched, its on_error when it failed to evaluate, allow otherwise) and {@code error}. {@code version} is null for a
 * draft rule.
 */
@Serdeable
@Schema(name = "PolicyEvaluation")
public record PolicyEvaluation(UUID policyId, @Nullable Integer version, boolean matched,
                               @Schema(implementation = Decision.class) String decision,
                               @Nullable String error) {
}
