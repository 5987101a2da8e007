package dev.agentops.hub.shared.security;

import java.util.Locale;

/** What an actor may do. Users get them through their role, API keys through their scopes. */
public enum Permission {
    ORG_READ,
    ORG_UPDATE,
    MEMBERS_READ,
    MEMBERS_MANAGE,
    API_KEYS_READ,
    API_KEYS_MANAGE,
    AUDIT_READ,
    AGENTS_READ,
    AGENTS_WRITE,
    RUNS_READ,
    INGEST,
    BUDGETS_MANAGE,
    POLICIES_MANAGE,
    POLICIES_CHECK,
    APPROVALS_DECIDE,
    CONTROLS_PAUSE,
    CONTROLS_KILL_SWITCH,
    /** Webhook endpoints: admins only, and never an API key (no key scope grants it). */
    WEBHOOKS_MANAGE,
    /** Operations on the organization's data pipeline (failed ingest jobs, re-pricing): admins only, no API key. */
    OPERATIONS_MANAGE;

    /** The wire name, e.g. {@code members:manage}. */
    public String key() {
        String name = name().toLowerCase(Locale.ROOT);
        int split = name.indexOf('_', name.startsWith("api_keys") ? "api_keys".length() : 0);
        return split < 0 ? name : name.substring(0, split) + ":" + name.substring(split + 1);
    }
}
