package dev.agentops.hub.webhooks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An endpoint as listed: never its secret. */
@Serdeable
@Schema(name = "WebhookEndpoint")
public record WebhookEndpointResponse(UUID id, String url, @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"generic", "slack"}) String kind,
                                      List<String> eventTypes, @Nullable @Schema(nullable = true) String description,
                                      Instant createdAt, @Nullable @Schema(nullable = true) UUID createdBy,
                                      @Nullable @Schema(nullable = true) WebhookLastDelivery lastDelivery) {
}
