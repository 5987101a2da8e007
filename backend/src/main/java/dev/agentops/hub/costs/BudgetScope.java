package dev.agentops.hub.costs;

import java.util.Locale;
import java.util.Optional;

/** What a budget covers: the whole organization, the agents of one team, or one agent. */
public enum BudgetScope {
    ORGANIZATION, TEAM, AGENT;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BudgetScope> fromKey(String key) {
        for (BudgetScope scope : values()) {
            if (scope.key().equals(key)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
