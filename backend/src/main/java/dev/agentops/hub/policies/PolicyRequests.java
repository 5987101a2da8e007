package dev.agentops.hub.policies;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Map;

final class PolicyRequests {

    static final String STATUSES = "active|shadow|disabled";
    static final String STATUS_MESSAGE = "must be one of active, shadow, disabled";
    static final String RULE = "The rule (docs/api.md \"Policies\"): {type: conditional, conditions: [{field, operator, value} | "
        + "{any: [...]} | {all: [...]}], action: allow|block|require_approval, approval_required_from: [\"role:team_lead\" | "
        + "\"user:<id>\"], timeout_minutes, on_error: block|allow} or {type: expression, expression: \"<CEL>\", action, ...}";

    private PolicyRequests() {
    }

    @Serdeable
    @Schema(name = "PolicyCreateRequest")
    record Create(@NotBlank @Size(max = 200) String name,
                  @Nullable @Size(max = 2000) String description,
                  @NotNull @Schema(description = RULE) Map<String, Object> ruleDefinition,
                  @Nullable @Pattern(regexp = STATUSES, message = STATUS_MESSAGE) @Schema(description = "default active",
                      allowableValues = {"active", "shadow", "disabled"}) String status) {
    }

    /** Absent fields stay as they are; any change makes a new version. */
    @Serdeable
    @Schema(name = "PolicyUpdateRequest")
    record Update(@Nullable @Size(min = 1, max = 200) String name,
                  @Nullable @Size(max = 2000) String description,
                  @Nullable @Schema(description = RULE) Map<String, Object> ruleDefinition,
                  @Nullable @Pattern(regexp = STATUSES, message = STATUS_MESSAGE)
                  @Schema(allowableValues = {"active", "shadow", "disabled"}) String status) {
    }

    /** The variables of a sample action ({agent, action, run, budget, time}); a draft rule instead of the saved one. */
    @Serdeable
    @Schema(name = "PolicyEvaluateRequest")
    record Evaluate(@NotNull @Schema(description = "{agent: {...}, action: {type, ...}, run: {...}, budget: {...}, time: {hour, weekday}}")
                    Map<String, Object> context,
                    @Nullable @Schema(description = "a draft rule to test instead of the saved one") Map<String, Object> ruleDefinition) {
    }

    @Serdeable
    @Schema(name = "PolicyBacktestRequest")
    record Backtest(@Nullable @Size(max = 64) @Schema(description = "ISO-8601; default: to minus 7 days") String from,
                    @Nullable @Size(max = 64) @Schema(description = "ISO-8601; default: now") String to,
                    @Nullable @Schema(description = "a draft rule to replay instead of the saved one") Map<String, Object> ruleDefinition) {
    }
}
