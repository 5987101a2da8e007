package dev.agentops.hub.ingestion;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One piece of a run (API.md, "Run ingestion payload"). Only {@code run_id} and {@code agent_id} are required so
 * that a run can arrive as start, events and end. Timestamps stay strings here and are parsed by
 * {@link IngestValidation}, which names the field of a bad one.
 */
@Serdeable
@Schema(name = "IngestRunRequest")
public record IngestRunRequest(
    @NotBlank @Size(max = 200) String runId,
    @NotBlank @Size(max = 200) String agentId,
    @Nullable @Pattern(regexp = "running|completed|failed|cancelled", message = "must be running, completed, failed or cancelled") String status,
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
    @Nullable @Pattern(regexp = "openai|anthropic|agentops", message = "must be openai, anthropic or agentops") String usageFormat,
    @Nullable @Size(max = IngestRunRequest.MAX_EVENTS) List<@NotNull @Valid Event> events) {

    public static final int MAX_EVENTS = 1000;

    @Serdeable
    @Schema(name = "IngestEvent")
    public record Event(
        @NotBlank @Size(max = 200) String eventId,
        @NotNull @Pattern(regexp = "llm_call|tool_call|external_action|policy_check|approval|log|error|custom",
            message = "must be one of llm_call, tool_call, external_action, policy_check, approval, log, error, custom") String eventType,
        @NotBlank @Size(max = 64) String timestamp,
        @Nullable @PositiveOrZero Long durationMs,
        @Nullable Object payload,
        @Nullable @Size(max = 200) String model,
        @Nullable Map<String, Object> tokenUsage,
        @Nullable @DecimalMin("0") @DecimalMax("1000000") BigDecimal costUsd,
        @Nullable @Pattern(regexp = "openai|anthropic|agentops", message = "must be openai, anthropic or agentops") String usageFormat) {
    }

    public List<Event> eventsOrEmpty() {
        return events == null ? List.of() : events;
    }
}
