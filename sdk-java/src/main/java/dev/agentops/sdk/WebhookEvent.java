package dev.agentops.sdk;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A verified webhook delivery: {@code {id, type, created_at, organization_id, data}} ({@link Webhooks#verify}).
 *
 * @param id             the event's id (deliveries of one event share it: use it to drop duplicates)
 * @param type           for example {@code budget.threshold_crossed}
 * @param createdAt      ISO-8601 instant, as the server wrote it
 * @param organizationId the organization the event belongs to
 * @param data           the event's own fields
 * @param raw            the whole body as parsed
 */
public record WebhookEvent(String id, String type, String createdAt, String organizationId, JsonNode data, JsonNode raw) {
}
