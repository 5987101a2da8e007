package dev.agentops.hub.dashboards;

import dev.agentops.hub.agents.AgentStatus;
import dev.agentops.hub.runs.RunStatus;
import dev.agentops.hub.agents.Agent;
import dev.agentops.hub.agents.AgentRepository;
import dev.agentops.hub.agents.AgentResponse;
import dev.agentops.hub.agents.AgentService;
import dev.agentops.hub.dashboards.DashboardResponses.AgentCost;
import dev.agentops.hub.dashboards.DashboardResponses.Attention;
import dev.agentops.hub.dashboards.DashboardResponses.Kpis;
import dev.agentops.hub.dashboards.DashboardResponses.ModelCost;
import dev.agentops.hub.dashboards.DashboardResponses.Point;
import dev.agentops.hub.dashboards.DashboardResponses.Range;
import dev.agentops.hub.dashboards.DashboardResponses.TopAgent;
import dev.agentops.hub.dashboards.DashboardResponses.Totals;
import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.stats.LatencyHistogram;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.shared.web.Problems;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Home and per-agent dashboards, computed from the hourly rollups. A run belongs to the hour it started in;
 * ranges are widened to whole hours; buckets are hours for ranges up to two days and UTC days beyond. Every
 * bucket of the range is present (zero counts); latency percentiles are null where no run finished.
 */
@Singleton
class DashboardService {

    static final Duration MAX_RANGE = Duration.ofDays(366);
    private static final double ATTENTION_ERROR_RATE = 0.2;
    private static final long ATTENTION_MIN_RUNS = 5;

    private final DashboardRepository rollups;
    private final AgentRepository agents;
    private final AgentService agentService;
    private final TenantTransactions tenants;

    DashboardService(DashboardRepository rollups, AgentRepository agents, AgentService agentService, TenantTransactions tenants) {
        this.rollups = rollups;
        this.agents = agents;
        this.agentService = agentService;
        this.tenants = tenants;
    }

    record Window(Instant from, Instant to, String bucket) {
        Window previous() {
            Duration length = Duration.between(from, to);
            return new Window(from.minus(length), from, bucket);
        }
    }

    static Window window(Instant from, Instant to) {
        Instant end = to == null ? Instant.now() : to;
        Instant start = from == null ? end.minus(Duration.ofHours(24)) : from;
        if (!start.isBefore(end)) {
            throw Problems.validation("from", "must be before to");
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw Problems.validation("from", "the range may span at most 366 days");
        }
        start = start.truncatedTo(ChronoUnit.HOURS);
        Instant hourEnd = end.truncatedTo(ChronoUnit.HOURS);
        end = hourEnd.equals(end) ? end : hourEnd.plus(Duration.ofHours(1));
        String bucket = Duration.between(start, end).compareTo(Duration.ofDays(2)) <= 0 ? "hour" : "day";
        if (bucket.equals("day")) {
            start = start.truncatedTo(ChronoUnit.DAYS);
            Instant dayEnd = end.truncatedTo(ChronoUnit.DAYS);
            end = dayEnd.equals(end) ? end : dayEnd.plus(Duration.ofDays(1));
        }
        return new Window(start, end, bucket);
    }

    DashboardResponses.Home home(Actor actor, Instant from, Instant to, UUID agentId, String status) {
        Window window = window(from, to);
        UUID org = actor.organizationId();
        return tenants.read(org, () -> {
            List<RollupRow> current = rollups.rollups(org, window.from(), window.to(), window.bucket(), agentId, false);
            List<RollupRow> previous = rollups.rollups(org, window.previous().from(), window.previous().to(), window.bucket(), agentId, false);
            Map<UUID, Agent> byId = agents.all(org).stream().collect(Collectors.toMap(Agent::id, Function.identity()));
            return new DashboardResponses.Home(new Range(window.from(), window.to(), window.bucket()),
                Kpis.of(totals(current, status), totals(previous, status)), series(window, current, status),
                topAgents(current, byId), costByModel(current), costByAgent(current, byId), attention(current, byId));
        });
    }

    DashboardResponses.AgentTrends agent(Actor actor, UUID agentId, Instant from, Instant to) {
        Window window = window(from, to);
        AgentResponse agent = agentService.get(actor, agentId);
        UUID org = actor.organizationId();
        return tenants.read(org, () -> {
            List<RollupRow> current = rollups.rollups(org, window.from(), window.to(), window.bucket(), agentId, true);
            List<RollupRow> previous = rollups.rollups(org, window.previous().from(), window.previous().to(), window.bucket(), agentId, true);
            return new DashboardResponses.AgentTrends(agent, new Range(window.from(), window.to(), window.bucket()),
                Kpis.of(totals(current, null), totals(previous, null)), series(window, current, null), costByModel(current));
        });
    }

    static Totals totals(List<RollupRow> rows, String status) {
        long runs = 0;
        long errors = 0;
        BigDecimal cost = BigDecimal.ZERO;
        Set<UUID> active = new HashSet<>();
        long[] latency = new long[LatencyHistogram.BUCKETS];
        for (RollupRow row : rows) {
            runs += row.runsWithStatus(status);
            errors += status == null || RunStatus.FAILED.wireName().equals(status) ? row.errors() : 0;
            cost = cost.add(row.costUsd());
            if (row.runs() > 0) {
                active.add(row.agentId());
            }
            add(latency, row.latency());
        }
        return new Totals(runs, errors, rate(errors, runs), cost, active.size(),
            LatencyHistogram.percentile(latency, 50), LatencyHistogram.percentile(latency, 95));
    }

    static List<Point> series(Window window, List<RollupRow> rows, String status) {
        Map<Instant, List<RollupRow>> byBucket = rows.stream().collect(Collectors.groupingBy(RollupRow::bucket));
        List<Point> points = new ArrayList<>();
        ChronoUnit unit = window.bucket().equals("day") ? ChronoUnit.DAYS : ChronoUnit.HOURS;
        for (Instant at = window.from(); at.isBefore(window.to()); at = at.plus(1, unit)) {
            Totals t = totals(byBucket.getOrDefault(at, List.of()), status);
            points.add(new Point(at, t.runs(), t.errors(), t.costUsd(), t.latencyP50Ms(), t.latencyP95Ms()));
        }
        return points;
    }

    private static List<TopAgent> topAgents(List<RollupRow> rows, Map<UUID, Agent> agents) {
        return rows.stream().collect(Collectors.groupingBy(RollupRow::agentId)).entrySet().stream()
            .map(e -> {
                Totals t = totals(e.getValue(), null);
                return new TopAgent(e.getKey(), name(agents, e.getKey()), t.runs(), t.errorRate(), t.costUsd());
            })
            .filter(a -> a.runs() > 0)
            .sorted(Comparator.comparingLong(TopAgent::runs).reversed().thenComparing(TopAgent::name))
            .limit(10).toList();
    }

    private static List<ModelCost> costByModel(List<RollupRow> rows) {
        Map<String, List<RollupRow>> byModel = rows.stream().collect(Collectors.groupingBy(r -> r.model().isEmpty() ? "unknown" : r.model()));
        return byModel.entrySet().stream()
            .map(e -> new ModelCost(e.getKey(), sum(e.getValue()), e.getValue().stream().mapToLong(RollupRow::runs).sum()))
            .filter(m -> m.runs() > 0)
            .sorted(Comparator.comparing(ModelCost::costUsd).reversed().thenComparing(ModelCost::model)).toList();
    }

    private static List<AgentCost> costByAgent(List<RollupRow> rows, Map<UUID, Agent> agents) {
        return rows.stream().collect(Collectors.groupingBy(RollupRow::agentId)).entrySet().stream()
            .filter(e -> e.getValue().stream().mapToLong(RollupRow::runs).sum() > 0)
            .map(e -> new AgentCost(e.getKey(), name(agents, e.getKey()), sum(e.getValue())))
            .sorted(Comparator.comparing(AgentCost::costUsd).reversed().thenComparing(AgentCost::name)).toList();
    }

    private static List<Attention> attention(List<RollupRow> rows, Map<UUID, Agent> agents) {
        Map<UUID, Attention> items = new LinkedHashMap<>();
        rows.stream().collect(Collectors.groupingBy(RollupRow::agentId)).forEach((id, agentRows) -> {
            Totals t = totals(agentRows, null);
            if (t.runs() >= ATTENTION_MIN_RUNS && t.errorRate() >= ATTENTION_ERROR_RATE) {
                items.put(id, new Attention(id, name(agents, id), "error_rate",
                    Math.round(t.errorRate() * 100) + "% of " + t.runs() + " runs failed"));
            }
        });
        for (Agent agent : agents.values()) {
            if ((AgentStatus.PAUSED.wireName().equals(agent.status()) || AgentStatus.ERROR.wireName().equals(agent.status())) && !items.containsKey(agent.id())) {
                items.put(agent.id(), new Attention(agent.id(), agent.name(), agent.status(), "Agent is " + agent.status()));
            }
        }
        return List.copyOf(items.values());
    }

    private static String name(Map<UUID, Agent> agents, UUID id) {
        Agent agent = agents.get(id);
        return agent == null ? "unknown agent" : agent.name();
    }

    private static BigDecimal sum(List<RollupRow> rows) {
        return rows.stream().map(RollupRow::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void add(long[] into, long[] counts) {
        for (int i = 0; i < Math.min(into.length, counts.length); i++) {
            into[i] += counts[i];
        }
    }

    private static double rate(long errors, long runs) {
        return runs == 0 ? 0.0 : (double) errors / runs;
    }
}
