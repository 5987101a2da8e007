package dev.agentops.hub.notifications;

import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.security.Permission;
import dev.agentops.hub.shared.security.RequiresPermission;
import dev.agentops.hub.shared.web.DataResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.UUID;

/** The bell: the organization's notifications with the calling user's read state (signed-in users only). */
@Controller("/api/v1/notifications")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Notifications")
class NotificationController {

    private final NotificationService notifications;

    NotificationController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Operation(operationId = "listNotifications", summary = "Newest first; unread=true lists only what the caller has not read")
    @Get
    @RequiresPermission(Permission.ORG_READ)
    NotificationList listNotifications(Authentication authentication, @Nullable @QueryValue Boolean unread,
                                       @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        return notifications.list(Actor.from(authentication), Boolean.TRUE.equals(unread), cursor, limit);
    }

    @Operation(operationId = "countUnreadNotifications")
    @Get("/unread-count")
    @RequiresPermission(Permission.ORG_READ)
    DataResponse<UnreadCount> countUnreadNotifications(Authentication authentication) {
        return DataResponse.of(new UnreadCount(notifications.unreadCount(Actor.from(authentication))));
    }

    @Operation(operationId = "markNotificationRead", summary = "Idempotent: reading a read notification keeps its first read_at")
    @Post("/{id}/read")
    @RequiresPermission(Permission.ORG_READ)
    DataResponse<NotificationResponse> markNotificationRead(Authentication authentication, @PathVariable UUID id) {
        return DataResponse.of(notifications.markRead(Actor.from(authentication), id));
    }

    @Operation(operationId = "markAllNotificationsRead")
    @Post("/read-all")
    @RequiresPermission(Permission.ORG_READ)
    DataResponse<MarkedRead> markAllNotificationsRead(Authentication authentication) {
        return DataResponse.of(new MarkedRead(notifications.markAllRead(Actor.from(authentication))));
    }
}
