package dev.agentops.hub.otel;

import dev.agentops.hub.agents.Agent;
import dev.agentops.hub.agents.AgentService;
import dev.agentops.hub.controls.ControlStates;
import dev.agentops.hub.orgs.OrganizationRepository;
import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.UUID;

/**
 * The agent a trace belongs to: the agent whose id or slug {@code gen_ai.agent.id} is, else the one whose slug is
 * the trace's agent name made into a slug ({@link AgentNaming#name()}); on first sight that agent is created and
 * marked discovered, unless the organization turned discovery off.
 */
@Singleton
class OtelAgents {

    private final ControlStates states;
    private final AgentService agents;
    private final OrganizationRepository organizations;
    private final TenantTransactions tenants;

    OtelAgents(ControlStates states, AgentService agents, OrganizationRepository organizations, TenantTransactions tenants) {
        this.states = states;
        this.agents = agents;
        this.organizations = organizations;
        this.tenants = tenants;
    }

    /** Empty when the organization has no such agent and does not create agents from traces. */
    Optional<Agent> resolve(Actor actor, AgentNaming naming) {
        UUID org = actor.organizationId();
        return Optional.ofNullable(naming.agentId()).flatMap(id -> states.agent(org, id))
            .or(() -> states.agent(org, AgentService.slugFrom(naming.name()))).map(ControlStates.AgentState::agent)
            .or(() -> tenants.read(org, () -> organizations.discoversAgents(org))
                ? Optional.of(agents.discover(actor, naming.name())) : Optional.empty());
    }
}
