package dev.agentops.hub.audit;

import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/** Result of re-walking an organization's audit chain. */
@Serdeable
public record ChainVerification(boolean valid, long checked, UUID firstBrokenId) {
}
