package dev.agentops.hub.webhooks;

import java.util.UUID;

/** New deliveries were committed: wakes this instance's sender instead of waiting for its next scheduled pass. */
public record WebhookDeliveriesQueued(UUID organizationId) {
}
