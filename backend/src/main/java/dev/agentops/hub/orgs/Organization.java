package dev.agentops.hub.orgs;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

@Serdeable
public record Organization(UUID id, String name, String slug, String logoUrl, String plan, String status,
                           String timezone, Instant createdAt) {
}
