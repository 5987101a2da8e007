package dev.agentops.hub.shared.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static dev.agentops.hub.shared.security.Permission.*;

/** What an API key may do, chosen at creation. Keys never manage members, keys or the audit trail. */
public enum ApiKeyScope {
    INGEST("ingest", EnumSet.of(Permission.INGEST)),
    READ("read", EnumSet.of(ORG_READ, AGENTS_READ, RUNS_READ)),
    POLICIES_CHECK("policies:check", EnumSet.of(Permission.POLICIES_CHECK)),
    ADMIN("admin", EnumSet.of(ORG_READ, AGENTS_READ, AGENTS_WRITE, RUNS_READ, Permission.INGEST,
        Permission.POLICIES_CHECK, BUDGETS_MANAGE, POLICIES_MANAGE, APPROVALS_DECIDE, CONTROLS_PAUSE));

    private final String key;
    private final Set<Permission> permissions;

    ApiKeyScope(String key, Set<Permission> permissions) {
        this.key = key;
        this.permissions = Set.copyOf(permissions);
    }

    public String key() {
        return key;
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public static Optional<ApiKeyScope> fromKey(String key) {
        return Arrays.stream(values()).filter(scope -> scope.key.equals(key)).findFirst();
    }
}
