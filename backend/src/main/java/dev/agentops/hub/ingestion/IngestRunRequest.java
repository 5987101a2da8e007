package dev.agentops.hub.ingestion;

import dev.agentops.hub.pricing.UsageFormat;
import dev.agentops.hub.runs.RunStatus;
import dev.agentops.hub.runs.EventType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One piece of a run (docs/api.md, "Run ingestion"). Only {@code run_id} and {@code agent_id} are required so
 * that a run can arrive as start, events and end. Timestamps stay strings here and are parsed by
 * {@link IngestValidation}, which names the field of a bad one.
 */
@Serdeable
@Schema(name = "IngestRunRequest")
public record IngestRunRequest(
    @NotBlank @Size(max = 200) String runId,
    @NotBlank @Size(max = 200) String agentId,
    @Nullable @Schema(implementation = RunStatus.class) String status,
    @Nullable Object input,
    @Nullable Object output,
    @Nullable @Size(max = 10_000) String error,
    @Nullable @Size(max = 64) String startTime,
    @Nullable @Size(max = 64) String endTime,
    @Nullable @Size(max = 200) String model,
    @Nullable Map<String, Object> tokenUsage,
    @Nullable @DecimalMin("0") @DecimalMax("1000000") BigDecimal costUsd,
    @Nullable @Size(max = 50) List<@NotBlank @Size(max = 100) String> tags,
    @Nullable Map<String, Object> metadata,
    @Nullable @Schema(implementation = UsageFormat.class) String usageFormat,
    @Nullable @Size(max = IngestRunRequest.MAX_EVENTS) List<@NotNull @Valid Event> events) {

    public static final int MAX_EVENTS = 1000;

    static final String PAYLOAD = "One shape per event_type (docs/api.md, \"Event payloads\"). llm_call: {provider, request, "
        + "response} (summaries; model, token_usage, cost_usd and duration_ms are envelope fields). tool_call: {tool_name, "
        + "input, output, error}. external_action: {action_type, target, payload, approval_id}. policy_check: "
        + "{action_type, decision: allow|block|require_approval, reasons, policy_id, approval_id}. approval_requested: "
        + "{approval_id, action_type, policy_id}. approval_decided: {approval_id, decision: approved|rejected|expired, "
        + "decided_by}. Older shapes are accepted and read back canonical: tool_call {tool} and external_action "
        + "{action, target, details}.";

    @Serdeable
    @Schema(name = "IngestEvent")
    public record Event(
        @NotBlank @Size(max = 200) String eventId,
        @NotNull @Schema(implementation = EventType.class) String eventType,
        @NotBlank @Size(max = 64) String timestamp,
        @Nullable @PositiveOrZero Long durationMs,
        @Nullable @Schema(description = PAYLOAD) Object payload,
        @Nullable @Size(max = 200) String model,
        @Nullable Map<String, Object> tokenUsage,
        @Nullable @DecimalMin("0") @DecimalMax("1000000") BigDecimal costUsd,
        @Nullable @Schema(implementation = UsageFormat.class) String usageFormat) {
    }

    public List<Event> eventsOrEmpty() {
        return events == null ? List.of() : events;
    }
}
