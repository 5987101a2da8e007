package dev.agentops.hub.costs;

import java.util.Locale;

/** Where a budget's alerts go; stored on the budget and on each alert row for the notifications sender. */
public enum BudgetChannel {
    IN_APP, EMAIL, WEBHOOK;

    public static final String PATTERN = "in_app|email|webhook";

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
