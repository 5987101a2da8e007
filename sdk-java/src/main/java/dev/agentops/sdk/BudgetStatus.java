package dev.agentops.sdk;

import java.util.Locale;

/**
 * The worst state of the budgets covering an agent in their current period ({@code budget_status} of ingest acks and
 * the status read), mildest first: {@code ok}, {@code warning} from 80 % of a budget, {@code exceeded} from 100 %.
 */
public enum BudgetStatus {
    OK, WARNING, EXCEEDED;

    /** The API's spelling. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant for the API's spelling, null for null; {@link IllegalArgumentException} for anything else. */
    public static BudgetStatus fromWire(String value) {
        return value == null ? null : Wire.parse(BudgetStatus.class, value);
    }
}
