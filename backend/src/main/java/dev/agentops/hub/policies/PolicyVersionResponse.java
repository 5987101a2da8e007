package dev.agentops.hub.policies;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One immutable version of a policy, as it was saved; {@code change} says what made it. */
@Serdeable
@Schema(name = "PolicyVersion")
public record PolicyVersionResponse(UUID policyId, int version, String name, @Nullable String description,
                                    Map<String, Object> ruleDefinition, @Schema(implementation = PolicyStatus.class) String status,
                                    @Schema(allowableValues = {"created", "updated", "deactivated"}) String change,
                                    @Schema(allowableValues = {"user", "api_key", "system"}) String createdByType,
                                    @Nullable UUID createdBy, Instant createdAt) {
}
