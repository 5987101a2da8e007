package dev.agentops.hub.policies;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;

/** A ready-made rule the editor offers; {@code rule_definition} is saved as is or edited first. */
@Serdeable
@Schema(name = "PolicyTemplate")
public record PolicyTemplate(String id, String name, String description, Map<String, Object> ruleDefinition) {
}
