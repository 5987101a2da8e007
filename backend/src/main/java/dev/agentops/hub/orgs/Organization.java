package dev.agentops.hub.orgs;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Serdeable
public record Organization(UUID id, String name, String slug, String logoUrl, String plan, String status,
                           String timezone, Instant createdAt,
                           @Schema(description = "Agents first named by an OpenTelemetry trace are created (marked discovered); "
                               + "when false such traces need an existing agent") boolean discoverAgents) {
}
