package dev.agentops.hub.notifications;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

@Serdeable
@Schema(name = "NotificationUnreadCount")
public record UnreadCount(long unreadCount) {
}
