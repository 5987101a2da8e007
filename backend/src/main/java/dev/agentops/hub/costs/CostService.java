package dev.agentops.hub.costs;

import dev.agentops.hub.agents.Agent;
import dev.agentops.hub.agents.AgentRepository;
import dev.agentops.hub.costs.CostRepository.Dimension;
import dev.agentops.hub.costs.CostRepository.Line;
import dev.agentops.hub.orgs.OrganizationRepository;
import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.shared.web.Problems;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The cost views: one tenant read, one grouped rollup query each. */
@Singleton
class CostService {

    private final CostRepository costs;
    private final AgentRepository agents;
    private final OrganizationRepository organizations;
    private final BudgetStates budgets;
    private final TenantTransactions tenants;
    private final Clock clock;

    CostService(CostRepository costs, AgentRepository agents, OrganizationRepository organizations, BudgetStates budgets,
                TenantTransactions tenants, Clock clock) {
        this.costs = costs;
        this.agents = agents;
        this.organizations = organizations;
        this.budgets = budgets;
        this.tenants = tenants;
        this.clock = clock;
    }

    CostResponses.Summary summary(Actor actor, Instant from, Instant to) {
        CostRange range = CostRange.of(from, to, clock.instant());
        UUID org = actor.organizationId();
        // the budgets' snapshot (≤ 1 s old) is read before, not inside, this unit of work: it opens its own when stale
        List<BudgetResponse> budgetStatuses = budgets.statuses(org);
        return tenants.read(org, () -> {
            ZoneId zone = organizations.zone(org);
            List<Line> lines = costs.lines(org, zone, range, null, null);
            return new CostResponses.Summary(range(range, zone), total(lines), days(lines), agentLines(org, lines),
                lines.stream().filter(l -> l.dimension() == Dimension.TEAM)
                    .map(l -> new CostResponses.Team(l.team(), l.figures())).sorted(byCost(CostResponses.Team::figures)).toList(),
                models(lines), budgetStatuses);
        });
    }

    CostResponses.ForAgent agent(Actor actor, UUID agentId, Instant from, Instant to) {
        CostRange range = CostRange.of(from, to, clock.instant());
        UUID org = actor.organizationId();
        return tenants.read(org, () -> {
            Agent agent = agents.find(org, agentId).orElseThrow(() -> Problems.notFound("agent", agentId));
            ZoneId zone = organizations.zone(org);
            List<Line> lines = costs.lines(org, zone, range, agentId, null);
            return new CostResponses.ForAgent(agent.id(), agent.name(), agent.team(), range(range, zone), total(lines),
                days(lines), models(lines));
        });
    }

    CostResponses.ForTeam team(Actor actor, String team, Instant from, Instant to) {
        CostRange range = CostRange.of(from, to, clock.instant());
        UUID org = actor.organizationId();
        return tenants.read(org, () -> {
            if (!costs.teamExists(org, team)) {
                throw Problems.notFound("team", team);
            }
            ZoneId zone = organizations.zone(org);
            List<Line> lines = costs.lines(org, zone, range, null, team);
            return new CostResponses.ForTeam(team, range(range, zone), total(lines), days(lines), agentLines(org, lines),
                models(lines));
        });
    }

    private static CostResponses.Range range(CostRange range, ZoneId zone) {
        return new CostResponses.Range(range.from(), range.to(), zone.getId());
    }

    private static CostFigures total(List<Line> lines) {
        return lines.stream().filter(l -> l.dimension() == Dimension.TOTAL).map(Line::figures).findFirst().orElse(CostFigures.ZERO);
    }

    private static List<CostResponses.Day> days(List<Line> lines) {
        return lines.stream().filter(l -> l.dimension() == Dimension.DAY)
            .map(l -> new CostResponses.Day(l.day(), l.figures()))
            .sorted(Comparator.comparing(CostResponses.Day::day)).toList();
    }

    private List<CostResponses.Agent> agentLines(UUID org, List<Line> lines) {
        Map<UUID, Agent> named = agents.findAll(org, lines.stream().filter(l -> l.dimension() == Dimension.AGENT)
            .map(Line::agentId).toList());
        return lines.stream().filter(l -> l.dimension() == Dimension.AGENT)
            .map(l -> {
                Agent agent = named.get(l.agentId());
                return new CostResponses.Agent(l.agentId(), agent == null ? "unknown agent" : agent.name(),
                    agent == null ? null : agent.team(), l.figures());
            })
            .sorted(byCost(CostResponses.Agent::figures)).toList();
    }

    private static List<CostResponses.Model> models(List<Line> lines) {
        return lines.stream().filter(l -> l.dimension() == Dimension.MODEL)
            .map(l -> new CostResponses.Model(l.model(), l.figures()))
            .sorted(byCost(CostResponses.Model::figures)).toList();
    }

    /** Most expensive first, then most runs (unpriced slices have cost 0 but still matter). */
    private static <T> Comparator<T> byCost(java.util.function.Function<T, CostFigures> figures) {
        return Comparator.comparing((T t) -> figures.apply(t).costUsd()).reversed()
            .thenComparing(Comparator.comparingLong((T t) -> figures.apply(t).runs()).reversed());
    }
}
