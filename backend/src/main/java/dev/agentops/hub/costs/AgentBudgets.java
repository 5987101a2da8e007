package dev.agentops.hub.costs;

import dev.agentops.hub.agents.Agent;
import dev.agentops.hub.orgs.OrganizationRepository;
import dev.agentops.hub.shared.cache.TtlCache;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * How close an agent is to its budgets, for policy rules ({@code budget.percent_used}, {@code budget.state}): the
 * highest percent and the worst state among the budgets that cover it (its own, its team's, the organization's).
 * Budget statuses cost a rollups query per organization, so they are kept for {@value #TTL_SECONDS} s: spend moves
 * slowly next to that, and the rollups themselves trail ingestion by the workers' batching.
 */
@Singleton
public class AgentBudgets {

    static final int TTL_SECONDS = 5;

    /** No budget covers the agent: {@code percent_used} 0, {@code state} ok. */
    public record Level(BigDecimal percentUsed, String state) {
        static final Level NONE = new Level(BigDecimal.ZERO, "ok");
    }

    private final BudgetService budgets;
    private final OrganizationRepository organizations;
    private final TenantTransactions tenants;
    private final TtlCache<UUID, List<BudgetResponse>> statuses = new TtlCache<>(Duration.ofSeconds(TTL_SECONDS), 20_000);

    AgentBudgets(BudgetService budgets, OrganizationRepository organizations, TenantTransactions tenants) {
        this.budgets = budgets;
        this.organizations = organizations;
        this.tenants = tenants;
    }

    public Level of(UUID org, Agent agent) {
        List<BudgetResponse> all = statuses.get(org, key ->
            Optional.of(tenants.read(org, () -> budgets.statuses(org, organizations.zone(org))))).orElse(List.of());
        Level level = Level.NONE;
        for (BudgetResponse b : all) {
            boolean covers = switch (b.scope()) {
                case "agent" -> agent.id().equals(b.agentId());
                case "team" -> b.teamName() != null && Objects.equals(b.teamName(), agent.team());
                default -> true;
            };
            if (covers) {
                BudgetStatus s = b.status();
                level = new Level(level.percentUsed().max(s.percent()), worse(level.state(), s.state()));
            }
        }
        return level;
    }

    private static String worse(String a, String b) {
        List<String> order = List.of("ok", "warning", "exceeded");
        return order.indexOf(b) > order.indexOf(a) ? b : a;
    }
}
