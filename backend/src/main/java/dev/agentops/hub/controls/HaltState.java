package dev.agentops.hub.controls;

import dev.agentops.hub.shared.security.ActorRef;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** The organization-wide halt (kill switch): engaged or not, by whom, since when, why. */
@Serdeable
@Schema(name = "HaltState")
public record HaltState(boolean engaged, @Nullable ActorRef engagedBy, @Nullable Instant engagedAt, @Nullable String reason) {

    static final HaltState RELEASED = new HaltState(false, null, null, null);
}
