package dev.agentops.hub.orgs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code organizations} as stored; {@link Organization} is what leaves through the API. */
@MappedEntity("organizations")
record OrganizationRow(@Id UUID id, String name, String slug, @Nullable String logoUrl, String plan, String status,
                       String timezone, Instant createdAt, boolean discoverAgents) {

    Organization toOrganization() {
        return new Organization(id, name, slug, logoUrl, plan, status, timezone, createdAt, discoverAgents);
    }
}
