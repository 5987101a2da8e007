package dev.agentops.hub.notifications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One notification as the calling user sees it: {@code read_at} is that user's read state (null = unread). */
@Serdeable
@Schema(name = "Notification")
public record NotificationResponse(
    UUID id,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"budget.threshold_crossed", "budget.auto_paused", "approval.requested"}) String type,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"info", "warning", "critical"}) String severity,
    String title,
    String body,
    @Nullable @Schema(description = "an app path such as /budgets?budget=<id>", nullable = true) String link,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "for budget types: budget_id, budget_name, threshold, percent, spent_usd, max_amount_usd, "
        + "period_start, paused_agent_ids") Map<String, Object> data,
    Instant createdAt,
    @Nullable @Schema(nullable = true) Instant readAt) {
}
