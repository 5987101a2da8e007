package dev.agentops.hub.policies;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.agentops.hub.agents.Agent;
import dev.agentops.hub.controls.AgentRuntimeStatus;
import dev.agentops.hub.controls.ControlStates;
import dev.agentops.hub.costs.AgentBudgets;
import dev.agentops.hub.ingestion.RunEvents;
import dev.agentops.hub.orgs.OrganizationRepository;
import dev.agentops.hub.shared.cache.ReadThrough;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The SDK's hot path, {@code POST /api/v1/policies/check}: served from memory (the agent and its controls from
 * {@link ControlStates}, the compiled policies and the roots they read from {@link PolicyCache}, budget levels from
 * the costs' per-organization snapshot, the run's totals from {@link RunFacts}); only the first check of a run whose
 * policies read {@code run.*} costs a query. One write stays on the path because
 * the answer promises it: the approval request a {@code require_approval} opens (its id must exist). The
 * {@code policy_check} event of a check with a run id is queued before the answer and committed at once (an expedited
 * group commit shared with concurrent checks), without the answer waiting for that commit.
 */
@Singleton
class PolicyCheckService {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyCheckService.class);

    private final ControlStates states;
    private final PolicyCache cache;
    private final PolicyCounts counts;
    private final RunFacts runFacts;
    private final AgentBudgets budgets;
    private final OrganizationRepository organizations;
    private final TenantTransactions tenants;
    private final RunEvents events;
    private final ApprovalGate approvals;
    private final Clock clock;
    private final Cache<UUID, ZoneId> zones = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(10)).maximumSize(20_000).build();

    PolicyCheckService(ControlStates states, PolicyCache cache, PolicyCounts counts, RunFacts runFacts,
                       AgentBudgets budgets, OrganizationRepository organizations, TenantTransactions tenants, RunEvents events,
                       ApprovalGate approvals, Clock clock) {
        this.states = states;
        this.cache = cache;
        this.counts = counts;
        this.runFacts = runFacts;
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
        Map<String, Object> action = new LinkedHashMap<>(request.context() == null ? Map.of() : request.context());
        action.putAll(request.action());
        action.put("type", actionType);

        UUID apiKeyId = actor.isUser() ? null : actor.id();
        PolicyCheckResponse response;
        if (state.status().paused()) {
            response = new PolicyCheckResponse(Decision.BLOCK.wireName(), List.of(paused(state.status())), null);
        } else {
            LivePolicies live = cache.live(org);
            Facts facts = facts(org, agent, action, request.runId(), live);
            PolicyDecision decision = PolicyEvaluator.decide(live.policies(), facts);
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
    private Facts facts(UUID org, Agent agent, Map<String, Object> action, String runId, LivePolicies live) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("agent", agentFacts(agent));
        variables.put("action", action);
        if (live.reads("run")) {
            variables.put("run", runId == null ? RunFacts.NO_RUN_YET : runFacts.of(org, runId));
        }
        if (live.reads("budget")) {
            AgentBudgets.Level level = budgets.of(org, agent);
            variables.put("budget", Map.of("percent_used", level.percentUsed(), "state", level.state()));
        }
        if (live.reads("time")) {
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
        return ReadThrough.get(zones, org, key -> tenants.read(org, () -> organizations.zone(org)));
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
        // queued before the answer and committed at once (expedited group commit), but not waited for: the commit is
        // the check's whole latency otherwise (p50 2.5 ms, p99 13 ms against 0.2 / 1.2 ms for the decision itself)
        events.recordNow(org, apiKeyId, agent.id(), runId, "policy_check-" + TimeOrderedIds.next(), "policy_check",
                clock.instant(), payload)
            .whenComplete((recorded, failure) -> {
                if (failure != null) {
                    LOG.warn("Could not record the policy check of run {} ({})", runId, failure.getClass().getSimpleName());
                }
            });
    }
}
