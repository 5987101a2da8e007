package dev.agentops.hub.shared.security;

import dev.agentops.hub.shared.web.WireNames;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static dev.agentops.hub.shared.security.Permission.*;

/**
 * The one permission matrix of the product (published in the README). Roles are cumulative: each role can do
 * what the one below it can, plus its own column.
 */
public enum Role {
    VIEWER(EnumSet.of(ORG_READ, MEMBERS_READ, AGENTS_READ, RUNS_READ)),
    MEMBER(union(VIEWER, EnumSet.of(AGENTS_WRITE, API_KEYS_READ))),
    TEAM_LEAD(union(MEMBER, EnumSet.of(API_KEYS_MANAGE, BUDGETS_MANAGE, POLICIES_MANAGE, APPROVALS_DECIDE, CONTROLS_PAUSE))),
    ADMIN(EnumSet.complementOf(EnumSet.of(INGEST, POLICIES_CHECK)));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromKey(String key) {
        return WireNames.parse(Role.class, key);
    }

    private static Set<Permission> union(Role lower, Set<Permission> added) {
        EnumSet<Permission> all = EnumSet.copyOf(lower.permissions);
        all.addAll(added);
        return all;
    }
}
