package dev.agentops.hub.webhooks;

import dev.agentops.hub.shared.db.Jdbc;
import dev.agentops.hub.shared.web.JsonFields;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The delivery rows (hand-written SQL: inserts are {@code ON CONFLICT DO NOTHING} on (endpoint, event), which is what
 * keeps a retried or concurrent fan-out from queueing an event twice). Called inside the organization's tenant scope.
 */
@Singleton
public class WebhookDeliveries {

    static final String COLUMNS = "id, webhook_id, event_id, event_type, status, attempts, last_status_code, last_error, "
        + "next_attempt_at, created_at, delivered_at";

    private final Jdbc jdbc;

    WebhookDeliveries(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The generic envelope every delivery of the event carries: its id stays the same across retries and endpoints. */
    static Map<String, Object> envelope(UUID org, UUID eventId, String type, Instant createdAt, Map<String, Object> data) {
        return JsonFields.of("id", eventId.toString(), "type", type, "created_at", createdAt.toString(),
            "organization_id", org.toString(), "data", data);
    }

    /**
     * Queues the event for every endpoint of the organization subscribed to its type; returns how many rows this call
     * inserted (0 for endpoints that already have the event).
     */
    public int enqueueForSubscribers(UUID org, UUID eventId, String type, Instant createdAt, Map<String, Object> data, String summary) {
        return jdbc.update("""
            insert into webhook_deliveries (id, organization_id, webhook_id, event_id, event_type, event, summary, next_attempt_at, created_at)
            select gen_random_uuid(), organization_id, id, ?, ?, ?, ?, ?, ?
              from webhook_endpoints where organization_id = ? and ? = any(event_types)
            on conflict (webhook_id, event_id) do nothing""",
            eventId, type, new Jdbc.Json(envelope(org, eventId, type, createdAt, data)), truncate(summary, 3000), createdAt, createdAt,
            org, type);
    }

    /** Queues the event for one endpoint, whatever it subscribes to (the test event). */
    WebhookDeliveryResponse enqueue(UUID org, UUID webhookId, UUID eventId, String type, Instant createdAt, Map<String, Object> data,
                                    String summary) {
        return jdbc.query("""
            insert into webhook_deliveries (id, organization_id, webhook_id, event_id, event_type, event, summary, next_attempt_at, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            returning\s""" + COLUMNS, WebhookDeliveries::map,
            UUID.randomUUID(), org, webhookId, eventId, type, new Jdbc.Json(envelope(org, eventId, type, createdAt, data)),
            truncate(summary, 3000), createdAt, createdAt).get(0);
    }

    List<WebhookDeliveryResponse> page(UUID org, UUID webhookId, Instant beforeAt, UUID beforeId, int limitPlusOne) {
        return jdbc.query("select " + COLUMNS + " " + """
             from webhook_deliveries
             where organization_id = ? and webhook_id = ?
               and (?::timestamptz is null or (created_at, id) < (?::timestamptz, ?::uuid))
             order by created_at desc, id desc
             limit ?""", WebhookDeliveries::map, org, webhookId, beforeAt, beforeAt, beforeId, limitPlusOne);
    }

    static WebhookDeliveryResponse map(Jdbc.Row row) throws java.sql.SQLException {
        return new WebhookDeliveryResponse(row.uuid("id"), row.uuid("webhook_id"), row.uuid("event_id"), row.string("event_type"),
            row.string("status"), row.intValue("attempts"), row.nullableLong("last_status_code") == null ? null
            : (int) (long) row.nullableLong("last_status_code"), row.string("last_error"), row.instant("next_attempt_at"),
            row.instant("created_at"), row.instant("delivered_at"));
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
