package dev.agentops.hub.approvals;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/** The body of approve and reject; the comment is optional. */
@Serdeable
@Schema(name = "ApprovalDecisionRequest")
public record ApprovalDecisionRequest(@Nullable @Size(max = 2000) String comment) {
}
