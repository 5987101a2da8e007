package dev.agentops.hub.webhooks;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** The newest delivery of an endpoint: its status and when it was last attempted (or queued). */
@Serdeable
@Schema(name = "WebhookLastDelivery")
public record WebhookLastDelivery(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"pending", "succeeded", "failed"})
                                  String status, Instant at) {
}
