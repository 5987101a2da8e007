package dev.agentops.hub.policies;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A policy as stored: its current version's fields. */
record PolicyRow(UUID id, String name, String description, Map<String, Object> ruleDefinition, PolicyStatus status,
                 int version, UUID createdBy, Instant createdAt, Instant updatedAt) {
}
