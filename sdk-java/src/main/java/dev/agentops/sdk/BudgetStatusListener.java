package dev.agentops.sdk;

/**
 * Told once per change of an agent's budget state (for example {@code OK → WARNING → EXCEEDED}, and back when a
 * budget is raised or a new period starts). Called from the SDK's sender or status thread: keep it short, and do not
 * call the client's blocking methods from it.
 */
@FunctionalInterface
public interface BudgetStatusListener {

    /**
     * @param status the agent's new budget state
     * @param agent  the agent (id or slug, as sent to ingest)
     */
    void onBudgetStatus(BudgetStatus status, String agent);
}
