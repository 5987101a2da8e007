package dev.agentops.hub.costs;

import dev.agentops.hub.shared.web.WireNames;

import java.util.Locale;
import java.util.Optional;

/** What a budget covers: the whole organization, the agents of one team, or one agent. */
public enum BudgetScope {
    ORGANIZATION, TEAM, AGENT;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BudgetScope> fromKey(String key) {
        return WireNames.parse(BudgetScope.class, key);
    }
}
