package dev.agentops.hub.notifications;

import dev.agentops.hub.shared.web.ListResponse;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** A page of notifications plus the caller's unread count (the bell's badge), so the list needs no second call. */
@Serdeable
@Schema(name = "NotificationList")
public record NotificationList(List<NotificationResponse> data, ListResponse.PageInfo page, long unreadCount) {
}
