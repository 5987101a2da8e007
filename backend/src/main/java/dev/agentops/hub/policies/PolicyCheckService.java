package dev.agentops.hub.policies;

import dev.agentops.hub.agents.Agent;
import dev.agentops.hub.controls.AgentRuntimeStatus;
import dev.agentops.hub.controls.ControlStates;
import dev.agentops.hub.costs.AgentBudgets;
import dev.agentops.hub.ingestion.RunEvents;
import dev.agentops.hub.orgs.OrganizationRepository;
import dev.agentops.hub.shared.cache.TtlCache;
import dev.agentops.hub.shared.db.TimeOrderedIds;
import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.shared.web.ApiException;
import dev.agentops.hub.shared.web.Problems;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The SDK's hot path, {@code POST /api/v1/policies/check}: served from memory (the agent and its controls from
 * {@link ControlStates}, the compiled policies from {@link PolicyCache}); only the facts some live policy reads cost
 * a query ({@code run.*}: one; {@code budget.*}: one per organization every few seconds). The answer does not wait
 * for the {@code policy_check} event: it is handed to the ingest group commit and written to the run within
 * milliseconds (an instance crash in that window loses the event, never the decision the SDK received).
 */
@Singleton
class PolicyCheckService {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyCheckService.class);

    private final ControlStates states;
    private final PolicyCache cache;
    private final PolicyCounts counts;
    private final PolicyRepository repository;
    private final AgentBudgets budgets;
    private final OrganizationRepository organizations;
    private final TenantTransactions tenants;
    private final RunEvents events;
    private final ApprovalGate approvals;
    private final Clock clock;
    private final TtlCache<UUID, ZoneId> zones = new TtlCache<>(Duration.ofSeconds(10), 20_000);

    PolicyCheckService(ControlStates states, PolicyCache cache, PolicyCounts counts, PolicyRepository repository,
                       AgentBudgets budgets, OrganizationRepository organizations, TenantTransactions tenants, RunEvents events,
                       ApprovalGate approvals, Clock clock) {
        this.states = states;
        this.cache = cache;
        this.counts = counts;
        this.repository = repository;
        this.budgets = budgets;
        this.organizations = organizations;
        this.tenants = tenants;
        this.events = events;
        this.approvals = approvals;
        this.clock = clock;
    }

    PolicyCheckResponse check(Actor actor, PolicyCheckRequest request) {
        String actionType = request.action().get("type") instanceof String t ? t.trim() : null;
        if (actionType == null || actionType.isEmpty() || actionType.length() > 100) {
            throw Problems.validation("action.type", "is required: a text of 1 to 100 characters such as send_email");
        }
        UUID org = actor.organizationId();
        ControlStates.AgentState state = states.agent(org, request.agentId())
            .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "not_found",
                "No agent with id or slug '" + request.agentId() + "'. Create it first (POST /api/v1/agents).", Map.of()));
        Agent agent = state.agent();
        if (agent.archived()) {
            throw Problems.conflict("agent_archived", "Agent '" + agent.slug() + "' is archived and may not act.");
        }
        Map<String, Object> action = new LinkedHashMap<>();
        if (request.context() != null) {
            action.putAll(request.context());
        }
        action.putAll(request.action());
        action.put("type", actionType);

        UUID apiKeyId = actor.isUser() ? null : actor.id();
        PolicyCheckResponse response;
        if (state.status().paused()) {
            response = new PolicyCheckResponse(Decision.BLOCK.wireName(), List.of(paused(state.status())), null);
        } else {
            List<CompiledPolicy> live = cache.live(org);
            Facts facts = facts(org, agent, action, request.runId(), live);
            PolicyDecision decision = PolicyEvaluator.decide(live, facts);
            counts.count(org, decision);
            ApprovalRef approval = decision.decision() == Decision.REQUIRE_APPROVAL
                ? approvals.open(new CheckedAction(org, apiKeyId, agent, request.runId(), actionType, action, facts), decision)
                : null;
            response = new PolicyCheckResponse(decision.decision().wireName(), decision.reasons(), approval);
        }
        if (request.runId() != null) {
            record(org, apiKeyId, agent, request.runId(), actionType, response);
        }
        return response;
    }

    /** The variables of the check; the run and budget facts only when a live policy reads them. */
    private Facts facts(UUID org, Agent agent, Map<String, Object> action, String runId, List<CompiledPolicy> live) {
        Set<String> roots = new HashSet<>();
        live.forEach(p -> roots.addAll(p.rule().roots()));
        Map<String, Object> variables = new HashMap<>();
        variables.put("agent", agentFacts(agent));
        variables.put("action", action);
        if (roots.contains("run")) {
            Optional<Map<String, Object>> run = runId == null ? Optional.empty()
                : tenants.read(org, () -> repository.runFacts(org, runId));
            // a run not recorded yet has spent nothing
            variables.put("run", run.orElseGet(() -> Map.of("cost_usd", 0, "input_tokens", 0, "output_tokens", 0, "events", 0)));
        }
        if (roots.contains("budget")) {
            AgentBudgets.Level level = budgets.of(org, agent);
            variables.put("budget", Map.of("percent_used", level.percentUsed(), "state", level.state()));
        }
        if (roots.contains("time")) {
            variables.put("time", timeFacts(clock.instant(), zone(org)));
        }
        return new Facts(variables);
    }

    static Map<String, Object> agentFacts(Agent agent) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("id", agent.id().toString());
        facts.put("slug", agent.slug());
        facts.put("name", agent.name());
        facts.put("type", agent.type());
        facts.put("environment", agent.environment());
        facts.put("team", agent.team());
        facts.put("tags", agent.tags() == null ? List.of() : agent.tags());
        return facts;
    }

    /** {@code time.hour} (0–23) and {@code time.weekday} ({@code monday}...) in the organization's time zone. */
    static Map<String, Object> timeFacts(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        return Map.of("hour", local.getHour(), "weekday", local.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ROOT)
            .toLowerCase(Locale.ROOT));
    }

    private ZoneId zone(UUID org) {
        return zones.get(org, key -> Optional.of(tenants.read(org, () -> organizations.zone(org)))).orElseThrow();
    }

    private static PolicyReason paused(AgentRuntimeStatus status) {
        String why = status.pausedReason() == null ? "" : ": " + status.pausedReason();
        String message = status.halted() && "kill_switch".equals(status.pauseSource())
            ? "the organization is halted (kill switch)" + why : "the agent is paused" + why;
        return new PolicyReason("agent_paused", null, null, null, Decision.BLOCK.wireName(), message);
    }

    private void record(UUID org, UUID apiKeyId, Agent agent, String runId, String actionType, PolicyCheckResponse response) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("action_type", actionType);
        payload.put("decision", response.decision());
        payload.put("reasons", response.reasons().stream().map(PolicyReason::summary).toList());
        response.reasons().stream().filter(r -> r.policyId() != null).findFirst().ifPresent(r -> {
            payload.put("policy_id", r.policyId().toString());
            payload.put("policy_version", r.version());
        });
        if (response.approval() != null) {
            payload.put("approval_id", response.approval().id().toString());
        }
        try {
            events.record(org, apiKeyId, agent.id(), runId, "policy_check-" + TimeOrderedIds.next(), "policy_check",
                    clock.instant(), payload)
                .whenComplete((done, failure) -> {
                    if (failure != null) {
                        LOG.warn("Could not record the policy check of run {} ({})", runId, failure.getClass().getSimpleName());
                    }
                });
        } catch (ApiException saturated) {
            LOG.warn("Could not record the policy check of run {} ({})", runId, saturated.getMessage());
        }
    }
}
