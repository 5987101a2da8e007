package dev.agentops.hub.controls;

import java.util.Locale;

/** Where a pause came from: a person (controls API), the org-wide kill switch, a budget, a policy. */
public enum PauseSource {
    PERSON,
    KILL_SWITCH,
    BUDGET,
    POLICY;

    /** The wire and column name, e.g. {@code kill_switch}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Rows from before sources existed carry none: they were paused by a person through the agents API. */
    static PauseSource fromKey(String key) {
        return key == null ? PERSON : valueOf(key.toUpperCase(Locale.ROOT));
    }
}
