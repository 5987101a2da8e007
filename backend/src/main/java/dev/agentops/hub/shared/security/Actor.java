package dev.agentops.hub.shared.security;

import dev.agentops.hub.shared.web.Problems;
import io.micronaut.security.authentication.Authentication;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, in which organization, allowed to do what: a signed-in user (from the access token) or an
 * API key. Controllers turn the {@link Authentication} into an Actor; services take the Actor.
 */
public record Actor(Type type, UUID id, UUID organizationId, Role role, Set<Permission> permissions) {

    public enum Type { USER, API_KEY }

    public static final String ATTR_ACTOR_TYPE = "actor_type";
    public static final String ATTR_ORG = "org_id";
    public static final String ATTR_ROLE = "role";
    public static final String ATTR_PERMISSIONS = "permissions";

    public static Actor from(Authentication authentication) {
        if (authentication == null) {
            throw Problems.unauthenticated("unauthenticated", "Authentication is required.");
        }
        Map<String, Object> attributes = authentication.getAttributes();
        Type type = "api_key".equals(attributes.get(ATTR_ACTOR_TYPE)) ? Type.API_KEY : Type.USER;
        UUID org = UUID.fromString(String.valueOf(attributes.get(ATTR_ORG)));
        UUID id = UUID.fromString(authentication.getName());
        if (type == Type.USER) {
            Role role = Role.fromKey(String.valueOf(attributes.get(ATTR_ROLE)))
                .orElseThrow(() -> Problems.unauthenticated("unauthenticated", "The access token names no valid role."));
            return new Actor(type, id, org, role, role.permissions());
        }
        EnumSet<Permission> permissions = EnumSet.noneOf(Permission.class);
        if (attributes.get(ATTR_PERMISSIONS) instanceof Collection<?> granted) {
            granted.forEach(p -> permissions.add(Permission.valueOf(String.valueOf(p))));
        }
        return new Actor(type, id, org, null, Set.copyOf(permissions));
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }

    public void require(Permission permission) {
        if (!can(permission)) {
            throw Problems.forbidden("Your role does not allow this action (needs " + permission.key() + ").");
        }
    }

    public boolean isUser() {
        return type == Type.USER;
    }

    /** The user's id; for what only people may do, an API key gets 403 with {@code refusal}. */
    public UUID requireUser(String refusal) {
        if (!isUser()) {
            throw Problems.forbidden(refusal);
        }
        return id;
    }

    /** The audit trail's actor type. */
    public String auditType() {
        return type == Type.USER ? "user" : "api_key";
    }
}
