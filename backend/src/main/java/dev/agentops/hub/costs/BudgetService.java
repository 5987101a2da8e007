package dev.agentops.hub.costs;

import dev.agentops.hub.agents.AgentRepository;
import dev.agentops.hub.audit.AuditActor;
import dev.agentops.hub.audit.AuditEvent;
import dev.agentops.hub.audit.AuditTrail;
import dev.agentops.hub.orgs.OrganizationRepository;
import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.shared.web.JsonFields;
import dev.agentops.hub.shared.web.ListResponse;
import dev.agentops.hub.shared.web.Paging;
import dev.agentops.hub.shared.web.Problems;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Budgets: CRUD with audit rows, and their status in the current period (computed on every read from the clock and
 * the rollups, so an edit never wipes spend and no reset job exists).
 */
@Singleton
class BudgetService {

    static final List<Integer> DEFAULT_THRESHOLDS = List.of(50, 80, 100);
    static final List<String> DEFAULT_CHANNELS = List.of(BudgetChannel.IN_APP.key());

    private final BudgetRepository budgets;
    private final BudgetSpend spend;
    private final AgentRepository agents;
    private final OrganizationRepository organizations;
    private final TenantTransactions tenants;
    private final AuditTrail audit;
    private final BudgetEvaluator evaluator;
    private final BudgetStates states;
    private final Clock clock;

    BudgetService(BudgetRepository budgets, BudgetSpend spend, AgentRepository agents, OrganizationRepository organizations,
                  TenantTransactions tenants, AuditTrail audit, BudgetEvaluator evaluator, BudgetStates states, Clock clock) {
        this.budgets = budgets;
        this.spend = spend;
        this.agents = agents;
        this.organizations = organizations;
        this.tenants = tenants;
        this.audit = audit;
        this.evaluator = evaluator;
        this.states = states;
        this.clock = clock;
    }

    BudgetResponse create(Actor actor, BudgetRequests.Create request) {
        BudgetScope scope = BudgetScope.fromKey(request.scope()).orElseThrow();
        String team = request.teamName() == null ? null : request.teamName().trim();
        onlyForScope(scope, BudgetScope.TEAM, "team_name", team, team == null || team.isEmpty());
        onlyForScope(scope, BudgetScope.AGENT, "agent_id", request.agentId(), request.agentId() == null);
        UUID org = actor.organizationId();
        Budget fields = new Budget(null, org, request.name().trim(), scope, request.agentId(), team,
            BudgetPeriod.fromKey(request.period()).orElseThrow(), request.maxAmountUsd(),
            thresholds(request.alertThresholds(), DEFAULT_THRESHOLDS), request.autoPauseAtPercent(),
            channels(request.channels(), DEFAULT_CHANNELS), null, null);
        BudgetResponse created = tenants.write(org, () -> {
            if (request.agentId() != null && agents.find(org, request.agentId()).isEmpty()) {
                throw Problems.validation("agent_id", "names no agent of this organization");
            }
            if (budgets.count(org) >= BudgetRepository.MAX_PER_ORGANIZATION) {
                throw Problems.conflict("limit_reached", "An organization has at most "
                    + BudgetRepository.MAX_PER_ORGANIZATION + " budgets; delete one first.");
            }
            UUID id = budgets.insert(org, fields, actor.isUser() ? actor.id() : null);
            audit.record(org, AuditActor.of(actor), AuditEvent.of("budget.created", "budget", id).with("after", auditView(fields)));
            return withStatus(org, budgets.find(org, id).orElseThrow());
        });
        states.invalidate(org);
        evaluator.schedule(org);
        return created;
    }

    ListResponse<BudgetResponse> list(Actor actor) {
        UUID org = actor.organizationId();
        List<BudgetResponse> all = tenants.read(org, () -> withStatus(org, budgets.all(org)));
        return new ListResponse<>(all, new ListResponse.PageInfo(null, BudgetRepository.MAX_PER_ORGANIZATION));
    }

    BudgetResponse get(Actor actor, UUID id) {
        UUID org = actor.organizationId();
        return tenants.read(org, () -> withStatus(org, find(org, id)));
    }

    BudgetResponse update(Actor actor, UUID id, BudgetRequests.Update request) {
        UUID org = actor.organizationId();
        BudgetResponse updated = tenants.write(org, () -> {
            Budget before = find(org, id);
            Integer autoPause = request.autoPauseAtPercent() == null ? before.autoPauseAtPercent()
                : request.autoPauseAtPercent() == 0 ? null : request.autoPauseAtPercent();
            Budget after = new Budget(before.id(), org, request.name() == null ? before.name() : request.name().trim(),
                before.scope(), before.agentId(), before.teamName(),
                request.period() == null ? before.period() : BudgetPeriod.fromKey(request.period()).orElseThrow(),
                request.maxAmountUsd() == null ? before.maxAmountUsd() : request.maxAmountUsd(),
                thresholds(request.alertThresholds(), before.alertThresholds()), autoPause,
                channels(request.channels(), before.channels()), before.createdAt(), before.updatedAt());
            budgets.update(org, after);
            audit.record(org, AuditActor.of(actor), AuditEvent.of("budget.updated", "budget", id)
                .beforeAfter(auditView(before), auditView(after)));
            return withStatus(org, budgets.find(org, id).orElseThrow());
        });
        states.invalidate(org);
        evaluator.schedule(org);
        return updated;
    }

    void delete(Actor actor, UUID id) {
        UUID org = actor.organizationId();
        tenants.run(org, () -> {
            Budget before = find(org, id);
            budgets.delete(org, id);
            audit.record(org, AuditActor.of(actor), AuditEvent.of("budget.deleted", "budget", id).with("before", auditView(before)));
        });
        states.invalidate(org);
    }

    ListResponse<BudgetAlertResponse> alerts(Actor actor, UUID id, String cursor, Integer limit) {
        int size = Paging.limit(limit);
        UUID org = actor.organizationId();
        Paging.TimeAndId before = Paging.decodeTimeAndId(cursor);
        List<BudgetAlertResponse> rows = tenants.read(org, () -> {
            find(org, id);
            return budgets.alerts(org, id, before == null ? null : before.at(), before == null ? null : before.id(), size + 1);
        });
        return Paging.page(rows, size, a -> a.createdAt() + "|" + a.id());
    }

    static Map<BudgetPeriod, BudgetPeriod.Window> windows(Instant now, ZoneId zone) {
        Map<BudgetPeriod, BudgetPeriod.Window> windows = new EnumMap<>(BudgetPeriod.class);
        for (BudgetPeriod period : BudgetPeriod.values()) {
            windows.put(period, period.window(now, zone));
        }
        return windows;
    }

    static BudgetStatus status(Budget budget, BudgetSpend.Spend spent, Clock clock, ZoneId zone) {
        BudgetSpend.Spend s = spent == null ? BudgetSpend.Spend.ZERO : spent;
        return BudgetStatus.of(budget.maxAmountUsd(), s.costUsd(), s.unpricedRuns(), clock, zone, budget.period());
    }

    private BudgetResponse withStatus(UUID org, Budget budget) {
        return withStatus(org, List.of(budget)).get(0);
    }

    /** The budgets with their current status; call inside the organization's tenant scope. */
    private List<BudgetResponse> withStatus(UUID org, List<Budget> all) {
        ZoneId zone = organizations.zone(org);
        Map<UUID, BudgetSpend.Spend> spent = spend.of(org, all, windows(clock.instant(), zone));
        return all.stream().map(b -> BudgetResponse.of(b, status(b, spent.get(b.id()), clock, zone))).toList();
    }

    private Budget find(UUID org, UUID id) {
        return budgets.find(org, id).orElseThrow(() -> Problems.notFound("budget", id));
    }

    /** A field that scope {@code owner} requires and every other scope refuses. */
    private static void onlyForScope(BudgetScope scope, BudgetScope owner, String field, Object value, boolean missing) {
        if (scope == owner ? missing : value != null) {
            throw Problems.validation(field, (scope == owner ? "is required" : "is only allowed") + " for scope " + owner.key());
        }
    }

    private static List<Integer> thresholds(List<Integer> requested, List<Integer> otherwise) {
        if (requested == null) {
            return otherwise;
        }
        if (new HashSet<>(requested).size() != requested.size()) {
            throw Problems.validation("alert_thresholds", "must not repeat a value");
        }
        return requested.stream().sorted().toList();
    }

    private static List<String> channels(List<String> requested, List<String> otherwise) {
        return requested == null ? otherwise : requested.stream().distinct().sorted().toList();
    }

    private static Map<String, Object> auditView(Budget b) {
        return JsonFields.of("name", b.name(), "scope", b.scope().key(), "team_name", b.teamName(),
            "agent_id", Objects.toString(b.agentId(), null),
            "max_amount_usd", b.maxAmountUsd() == null ? null : b.maxAmountUsd().toPlainString(),
            "period", b.period().key(), "alert_thresholds", b.alertThresholds(),
            "auto_pause_at_percent", b.autoPauseAtPercent(), "channels", b.channels());
    }
}
