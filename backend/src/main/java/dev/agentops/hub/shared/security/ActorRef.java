package dev.agentops.hub.shared.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.UUID;

/**
 * Who took an action, as shown to people: a user, an API key or the system, with the name it had then (kept with
 * the record, so it survives a renamed user or a deleted key). {@code id} is null for the system.
 */
@Serdeable
@Embeddable
@Schema(name = "ActorRef")
public record ActorRef(@Schema(allowableValues = {"user", "api_key", "system"}, requiredMode = Schema.RequiredMode.REQUIRED) String type,
                       @Nullable UUID id, String name) {

    public ActorRef { // embedded in rows as <prefix>_type, _id, _name; a row without a name reads as the type
        name = name == null ? type : name;
    }

    /** Null when nobody is recorded (a row from before the column existed). */
    public static ActorRef ofNullable(String type, UUID id, String name) {
        return type == null ? null : new ActorRef(type, id, name);
    }
}
