package dev.agentops.hub.notifications;

import dev.agentops.hub.shared.db.Jdbc;
import dev.agentops.hub.shared.db.TimeOrderedIds;
import dev.agentops.hub.webhooks.WebhookDeliveries;
import dev.agentops.hub.webhooks.WebhookDeliveriesQueued;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What budget alerts and approval requests share when people are told: inside the organization's transaction, the
 * in-app notification, the e-mails and the webhook deliveries, each unique on its source so a repeat adds nothing;
 * after the commit, the live stream and the senders are woken.
 */
@Singleton
class Fanout {

    /** What happened, as people read it; {@code link} is a path of the web app, {@code type} also the webhook event's. */
    record Message(UUID organizationId, UUID sourceId, String type, String severity, String title, String body,
                   String link, Map<String, Object> data) {
    }

    /** What one fan-out queued, to publish once its transaction has committed. */
    record Outcome(UUID organizationId, Optional<NotificationCreated> notification, int emails, int deliveries) {
    }

    private final Jdbc jdbc;
    private final EmailOutbox emails;
    private final WebhookDeliveries webhooks;
    private final ApplicationEventPublisher<NotificationCreated> created;
    private final ApplicationEventPublisher<WebhookDeliveriesQueued> queued;
    private final String publicUrl;

    Fanout(Jdbc jdbc, EmailOutbox emails, WebhookDeliveries webhooks, ApplicationEventPublisher<NotificationCreated> created,
           ApplicationEventPublisher<WebhookDeliveriesQueued> queued, @Value("${agentops.public-url}") String publicUrl) {
        this.jdbc = jdbc;
        this.emails = emails;
        this.webhooks = webhooks;
        this.created = created;
        this.queued = queued;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** The in-app notification; empty when its source has one already. */
    Optional<NotificationCreated> inApp(Message message, Instant now) {
        UUID id = TimeOrderedIds.next();
        int inserted = jdbc.update("""
            insert into notifications (id, organization_id, type, severity, title, body, link, data, source_id, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (organization_id, source_id) do nothing""",
            id, message.organizationId(), message.type(), message.severity(), message.title(), message.body(), message.link(),
            new Jdbc.Json(message.data()), message.sourceId(), now);
        return inserted == 0 ? Optional.empty() : Optional.of(new NotificationCreated(message.organizationId(), id,
            message.type(), message.severity(), message.title(), message.link(), now));
    }

    int emails(Message message, List<String> recipients) {
        return emails.queue(message.organizationId(), message.sourceId(), recipients, message.title(),
            message.body() + "\n\n" + publicUrl + message.link());
    }

    /** One delivery per subscribed endpoint; {@code summary} is what Slack shows, followed by a link to the app. */
    int webhooks(Message message, Instant occurredAt, String summary) {
        return webhooks.enqueueForSubscribers(message.organizationId(), message.sourceId(), message.type(), occurredAt,
            message.data(), summary + " <" + publicUrl + message.link() + "|Open in AgentOps Hub>");
    }

    void publish(Outcome outcome) {
        outcome.notification().ifPresent(created::publishEvent);
        if (outcome.deliveries() > 0) {
            queued.publishEvent(new WebhookDeliveriesQueued(outcome.organizationId()));
        }
        if (outcome.emails() > 0) {
            emails.wake();
        }
    }
}
