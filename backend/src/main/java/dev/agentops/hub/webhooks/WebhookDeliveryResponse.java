package dev.agentops.hub.webhooks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** One event for one endpoint; {@code failed} means the sender gave up after 24 hours of retries (or the SSRF guard refused). */
@Serdeable
@Schema(name = "WebhookDelivery")
public record WebhookDeliveryResponse(UUID id, UUID webhookId, UUID eventId, String eventType,
                                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"pending", "succeeded", "failed"}) String status,
                                      int attempts, @Nullable @Schema(nullable = true) Integer lastStatusCode,
                                      @Nullable @Schema(nullable = true) String lastError,
                                      @Nullable @Schema(nullable = true) Instant nextAttemptAt, Instant createdAt,
                                      @Nullable @Schema(nullable = true) Instant deliveredAt) {
}
