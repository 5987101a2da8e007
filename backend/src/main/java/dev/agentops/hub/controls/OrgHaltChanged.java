package dev.agentops.hub.controls;

import java.util.List;
import java.util.UUID;

/** Published after an engage or release of the kill switch commits; {@code agentIds} are the agents it paused or resumed. */
public record OrgHaltChanged(UUID organizationId, HaltState halt, List<UUID> agentIds) {
}
