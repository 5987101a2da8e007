package dev.agentops.hub.policies;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The answer of a check: the decision, the enforced policies behind it (strongest first), the approval if one opened. */
@Serdeable
@Schema(name = "PolicyCheckResult")
public record PolicyCheckResponse(@Schema(implementation = Decision.class) String decision, List<PolicyReason> reasons,
                                  @Nullable ApprovalRef approval) {
}
