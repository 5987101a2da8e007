package dev.agentops.hub.shared.tenancy;

import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.propagation.PropagatedContextElement;

import java.util.Optional;
import java.util.UUID;

/** The organization of the running tenant unit of work, carried in Micronaut's propagated context. */
public record CurrentOrg(UUID id) implements PropagatedContextElement {

    public static Optional<CurrentOrg> find() {
        return PropagatedContext.getOrEmpty().find(CurrentOrg.class);
    }
}
