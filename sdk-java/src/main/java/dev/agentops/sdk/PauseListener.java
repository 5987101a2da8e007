package dev.agentops.sdk;

/**
 * Told when an agent's paused state changes ({@link AgentOpsClient.Builder#onPause}): once per change, from the
 * thread that learnt it (the status poller, the sender, or yours during an SDK call). Keep it short and do not call the
 * client's blocking methods from it.
 */
@FunctionalInterface
public interface PauseListener {

    /**
     * @param paused true when the agent was paused (or the organization halted), false when it may work again
     * @param reason the server's {@code paused_reason}, or null
     */
    void onPause(boolean paused, String reason);
}
