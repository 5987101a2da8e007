package dev.agentops.hub.controls;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The halt state and every paused agent of the organization, with who paused it, when and why. */
@Serdeable
@Schema(name = "ControlStatus")
public record ControlStatus(HaltState halt, List<AgentControlState> pausedAgents) {
}
