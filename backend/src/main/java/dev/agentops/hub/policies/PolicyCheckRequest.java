package dev.agentops.hub.policies;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Map;

/**
 * "May this agent do this now?" {@code run_id} is the client's run id (as sent to ingest; the check is recorded on
 * that run, which is created if it does not exist yet); {@code agent_id} the agent's id or slug; {@code action} has a
 * {@code type} and the action's own fields; {@code context} adds more fields. Rules read both as {@code action.*}.
 */
@Serdeable
@Schema(name = "PolicyCheckRequest")
public record PolicyCheckRequest(@Nullable @Size(min = 1, max = 200) String runId,
                                 @NotBlank @Size(max = 200) String agentId,
                                 @NotNull @Schema(description = "{type: \"send_email\", ...the action's fields}") Map<String, Object> action,
                                 @Nullable Map<String, Object> context) {
}
