package dev.agentops.hub.policies;

import dev.agentops.hub.orgs.OrganizationRepository;
import dev.agentops.hub.runs.EventPayloads;
import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.shared.web.JsonFields;
import dev.agentops.hub.shared.web.Problems;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Back-tests: replays the stored {@code external_action} and {@code tool_call} events of a range, oldest first,
 * through one rule (the saved one or a draft), in constant memory: rows come from a server-side cursor
 * ({@code fetchSize}) and at most {@code agentops.policies.backtest-max-events} (100,000) are read. Each event's
 * facts: {@code agent.*} as the agent is now, {@code action.*} from the payload ({@code type} is the action type, or
 * {@code tool_call} with {@code tool_name} and {@code input}), {@code run.*} from its run (without {@code events}),
 * {@code time.*} at the event's timestamp in the organization's zone; {@code budget.*} is not known for the past
 * (rows on it do not match; a CEL expression reading it fails and counts its on_error).
 */
@Singleton
class PolicyBacktest {

    static final int FETCH_SIZE = 1000;
    static final int MAX_EXAMPLES = 50;
    static final Duration DEFAULT_RANGE = Duration.ofDays(7);
    static final Duration MAX_RANGE = Duration.ofDays(90);

    private final PolicyService service;
    private final TenantTransactions tenants;
    private final TransactionOperations<Connection> transactions;
    private final OrganizationRepository organizations;
    private final JsonMapper json;
    private final Clock clock;
    private final int maxEvents;

    PolicyBacktest(PolicyService service, TenantTransactions tenants, TransactionOperations<Connection> transactions,
                   OrganizationRepository organizations, JsonMapper json, Clock clock,
                   @Value("${agentops.policies.backtest-max-events:100000}") int maxEvents) {
        this.service = service;
        this.tenants = tenants;
        this.transactions = transactions;
        this.organizations = organizations;
        this.json = json;
        this.clock = clock;
        this.maxEvents = maxEvents;
    }

    BacktestResult run(Actor actor, UUID id, PolicyRequests.Backtest request) {
        Instant to = instant("to", request.to(), clock.instant());
        Instant from = instant("from", request.from(), to.minus(DEFAULT_RANGE));
        if (!from.isBefore(to)) {
            throw Problems.validation("from", "must be before to");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw Problems.validation("from", "must be at most 90 days before to");
        }
        Rule draft = request.ruleDefinition() == null ? null : PolicyService.validRule(request.ruleDefinition());
        UUID org = actor.organizationId();
        return tenants.read(org, () -> {
            PolicyRow row = service.find(org, id);
            return replay(org, service.underTest(row, draft), draft != null ? null : row.version(), from, to,
                organizations.zone(org));
        });
    }

    private BacktestResult replay(UUID org, CompiledPolicy policy, Integer version, Instant from, Instant to, ZoneId zone) {
        long evaluated = 0;
        long matched = 0;
        long errors = 0;
        boolean truncated = false;
        PolicyResponse.Counts counts = PolicyResponse.Counts.ZERO;
        List<BacktestResult.Example> examples = new ArrayList<>();
        String sql = """
            select e.id, e.event_id, e.event_type, e.timestamp, e.payload, r.id as run_id, r.external_reference, r.cost_usd,
                   r.input_tokens, r.output_tokens, a.id as agent_id, a.slug, a.name, a.type, a.environment, a.team, a.tags
              from events e
              join runs r on r.organization_id = e.organization_id and r.id = e.run_id
              join agents a on a.organization_id = r.organization_id and a.id = r.agent_id
             where e.organization_id = ? and e.event_type in ('external_action', 'tool_call')
               and e.timestamp >= ? and e.timestamp < ?
             order by e.timestamp, e.id
             limit ?""";
        Connection connection = transactions.getConnection();
        try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(FETCH_SIZE);
            statement.setObject(1, org);
            statement.setObject(2, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            statement.setObject(3, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            statement.setInt(4, maxEvents + 1);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (evaluated == maxEvents) {
                        truncated = true;
                        break;
                    }
                    evaluated++;
                    String type = rs.getString("event_type");
                    Instant at = rs.getObject("timestamp", OffsetDateTime.class).toInstant();
                    Map<String, Object> action = action(type, rs.getString("payload"));
                    Verdict verdict = PolicyEvaluator.evaluate(policy, new Facts(facts(rs, action, at, zone)));
                    Decision decision = verdict.decides() ? verdict.decision() : Decision.ALLOW;
                    counts = counts.plus(decision.wireName(), 1);
                    if (verdict.matched()) {
                        matched++;
                    }
                    if (verdict.error() != null) {
                        errors++;
                    }
                    if (verdict.decides() && examples.size() < MAX_EXAMPLES) {
                        UUID runId = rs.getObject("run_id", UUID.class);
                        examples.add(new BacktestResult.Example(rs.getObject("id", UUID.class), rs.getString("event_id"), type, at,
                            runId, rs.getString("external_reference"), "/runs/" + runId, rs.getObject("agent_id", UUID.class),
                            String.valueOf(action.get("type")), decision.wireName(), verdict.matched(), verdict.error()));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("back-test query failed: " + e.getSQLState(), e);
        }
        return new BacktestResult(from, to, version, evaluated, matched, errors, truncated, maxEvents, counts, examples);
    }

    /** {@code action.*} of a stored event: the external action's own data with its type, or the tool call. */
    private Map<String, Object> action(String eventType, String payloadJson) {
        Object payload;
        try {
            payload = EventPayloads.canonical(eventType, json.readValue(payloadJson == null ? "{}" : payloadJson, Object.class));
        } catch (IOException e) {
            payload = Map.of();
        }
        Map<?, ?> p = payload instanceof Map<?, ?> m ? m : Map.of();
        if (!"tool_call".equals(eventType)) {
            return Facts.executedAction(p);
        }
        return JsonFields.of("type", "tool_call", "tool_name", p.get("tool_name"), "input", p.get("input"));
    }

    private static Map<String, Object> facts(ResultSet rs, Map<String, Object> action, Instant at, ZoneId zone) throws SQLException {
        Map<String, Object> agent = new HashMap<>();
        agent.put("id", rs.getObject("agent_id", UUID.class).toString());
        for (String column : List.of("slug", "name", "type", "environment", "team")) {
            agent.put(column, rs.getString(column));
        }
        Array tags = rs.getArray("tags");
        agent.put("tags", tags == null ? List.of() : Arrays.asList((Object[]) tags.getArray()));
        BigDecimal cost = rs.getBigDecimal("cost_usd");
        Map<String, Object> run = Map.of("id", rs.getObject("run_id", UUID.class).toString(),
            "cost_usd", cost == null ? BigDecimal.ZERO : cost, "input_tokens", rs.getLong("input_tokens"),
            "output_tokens", rs.getLong("output_tokens"));
        return Map.of("agent", agent, "action", action, "run", run, "time", PolicyCheckService.timeFacts(at, zone));
    }

    private static Instant instant(String field, String value, Instant otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw Problems.validation(field, "must be an ISO-8601 timestamp such as 2026-11-25T10:00:00Z");
        }
    }
}
