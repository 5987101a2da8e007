package dev.agentops.hub.audit;

import dev.agentops.hub.shared.security.Actor;

import java.util.UUID;

/** Who caused an audited change: a user, an API key, or the system itself (workers, schedulers). */
public record AuditActor(String type, UUID id) {

    public static AuditActor of(Actor actor) {
        return new AuditActor(actor.auditType(), actor.id());
    }

    public static AuditActor user(UUID userId) {
        return new AuditActor("user", userId);
    }

    public static AuditActor system() {
        return new AuditActor("system", null);
    }
}
