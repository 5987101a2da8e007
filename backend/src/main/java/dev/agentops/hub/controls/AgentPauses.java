package dev.agentops.hub.controls;

import dev.agentops.hub.agents.Agent;
import dev.agentops.hub.agents.AgentChanged;
import dev.agentops.hub.agents.AgentRepository;
import dev.agentops.hub.audit.AuditActor;
import dev.agentops.hub.audit.AuditEvent;
import dev.agentops.hub.audit.AuditTrail;
import dev.agentops.hub.shared.web.Problems;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The one path to pause or resume an agent, for people (controls API), budgets and policies alike: one transaction
 * with its audit row, then the cached state is dropped here at once and on every instance (see {@link ControlStates}),
 * and {@link AgentChanged} is published (live views).
 *
 * <p>Pausing a paused agent changes nothing, with one exception: a pause from another source takes over a pause of
 * the kill switch, so that releasing the halt does not resume an agent that a person, a budget or a policy stopped
 * meanwhile. Resuming an agent the kill switch paused is refused while the halt is engaged (release it first).
 */
@Singleton
public class AgentPauses {

    private final ControlsRepository repository;
    private final AgentRepository agents;
    private final AuditTrail audit;
    private final ControlStates states;
    private final ApplicationEventPublisher<AgentChanged> changes;

    AgentPauses(ControlsRepository repository, AgentRepository agents, AuditTrail audit, ControlStates states,
                ApplicationEventPublisher<AgentChanged> changes) {
        this.repository = repository;
        this.agents = agents;
        this.audit = audit;
        this.states = states;
        this.changes = changes;
    }

    private record Outcome(AgentControlState state, boolean changed) {
    }

    /** Pauses the agent (no-op when it already is); its state afterwards. {@code reason}: 1–500 characters. */
    public AgentControlState pause(UUID org, AuditActor by, UUID agentId, PauseSource source, String reason) {
        String why = Reasons.clean(reason);
        return control(org, agentId, () -> {
            repository.lockOrgShared(org).orElseThrow(() -> Problems.notFound("agent", agentId));
            Agent before = lockedAgent(org, agentId);
            boolean takesOverHalt = before.paused() && PauseSource.fromKey(before.pauseSource()) == PauseSource.KILL_SWITCH
                && source != PauseSource.KILL_SWITCH;
            if (before.paused() && !takesOverHalt) {
                return new Outcome(AgentControlState.of(before), false);
            }
            repository.pause(org, agentId, source, why, repository.refOf(by));
            Agent after = agents.lock(org, agentId).orElseThrow();
            audit.record(org, by, AuditEvent.of("agent.paused", "agent", agentId)
                .with("reason", why).with("source", source.key()).with("slug", after.slug())
                .beforeAfter(pauseFacts(before), pauseFacts(after)));
            return new Outcome(AgentControlState.of(after), true);
        });
    }

    /** Resumes the agent (no-op when it is not paused); its state afterwards. */
    public AgentControlState resume(UUID org, AuditActor by, UUID agentId, String reason) {
        String why = Reasons.clean(reason);
        return control(org, agentId, () -> {
            ControlsRepository.Org organization = repository.lockOrgShared(org).orElseThrow(() -> Problems.notFound("agent", agentId));
            Agent before = lockedAgent(org, agentId);
            if (!before.paused()) {
                return new Outcome(AgentControlState.of(before), false);
            }
            if (organization.halt().engaged() && PauseSource.fromKey(before.pauseSource()) == PauseSource.KILL_SWITCH) {
                throw Problems.conflict("org_halted", "The kill switch paused this agent and is still engaged: release it first "
                    + "(POST /api/v1/controls/kill-switch/release), which resumes every agent it paused.");
            }
            repository.resume(org, agentId);
            Agent after = agents.lock(org, agentId).orElseThrow();
            audit.record(org, by, AuditEvent.of("agent.resumed", "agent", agentId)
                .with("reason", why).with("slug", after.slug())
                .beforeAfter(pauseFacts(before), pauseFacts(after)));
            return new Outcome(AgentControlState.of(after), true);
        });
    }

    private AgentControlState control(UUID org, UUID agentId, Supplier<Outcome> work) {
        Outcome outcome = states.write(org, work);
        if (outcome.changed()) {
            changes.publishEvent(new AgentChanged(org, agentId, outcome.state().agentStatus()));
        }
        return outcome.state();
    }

    private Agent lockedAgent(UUID org, UUID agentId) {
        Agent agent = agents.lock(org, agentId).orElseThrow(() -> Problems.notFound("agent", agentId));
        if (agent.archived()) {
            throw Problems.conflict("agent_archived", "This agent is archived: it accepts no runs and has nothing to pause or resume.");
        }
        return agent;
    }

    static Map<String, Object> pauseFacts(Agent agent) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("status", agent.paused() ? "paused" : "active");
        if (agent.paused()) {
            facts.put("pause_source", PauseSource.fromKey(agent.pauseSource()).key());
            facts.put("paused_reason", agent.pausedReason());
        }
        return facts;
    }
}
