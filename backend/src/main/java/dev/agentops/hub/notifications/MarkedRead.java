package dev.agentops.hub.notifications;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

@Serdeable
@Schema(name = "NotificationsMarkedRead")
public record MarkedRead(long marked) {
}
