package dev.agentops.hub.notifications;

import java.time.Instant;
import java.util.UUID;

/** Published after the transaction that created a notification committed; the live publisher streams it. */
public record NotificationCreated(UUID organizationId, UUID id, String type, String severity, String title, String link,
                                  Instant createdAt) {
}
