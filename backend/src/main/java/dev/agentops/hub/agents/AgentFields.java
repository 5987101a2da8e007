package dev.agentops.hub.agents;

import java.util.List;
import java.util.Map;

/** The editable fields of an agent, after defaults and cleaning. */
record AgentFields(String name, String type, String provider, String team, List<String> tags, String environment,
                   Map<String, Object> config) {
}
