package dev.agentops.sdk;

/**
 * What {@link AgentOpsClient#checkPolicy} answers when AgentOps cannot be reached: {@link #CLOSED} (the default) blocks
 * the action, {@link #OPEN} allows it; either way with one reason {@code unreachable}.
 */
public enum PolicyFailMode {
    CLOSED, OPEN;

    /** The decision this mode answers without the server. */
    public Decision decision() {
        return this == OPEN ? Decision.ALLOW : Decision.BLOCK;
    }
}
