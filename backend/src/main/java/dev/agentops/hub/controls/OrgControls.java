package dev.agentops.hub.controls;

import java.util.Map;
import java.util.UUID;

/** One organization's controls at one moment: the halt, and the reason and source of every paused agent. */
record OrgControls(boolean halted, String haltReason, Map<UUID, Pause> paused) {

    record Pause(String reason, PauseSource source) {
    }

    /** An agent not in the paused set keeps its own status, except "paused": this snapshot is newer than the cached row. */
    AgentRuntimeStatus statusOf(UUID agentId, String rowStatus) {
        Pause pause = paused.get(agentId);
        if (pause != null) {
            return new AgentRuntimeStatus(agentId, "paused", halted, pause.reason().isEmpty() ? null : pause.reason(),
                pause.source().key(), null);
        }
        if (halted) {
            return new AgentRuntimeStatus(agentId, "paused", true, haltReason, PauseSource.KILL_SWITCH.key(), null);
        }
        return new AgentRuntimeStatus(agentId, "paused".equals(rowStatus) ? "active" : rowStatus, false, null, null, null);
    }
}
