package dev.agentops.hub.usage;

import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.Sql;
import dev.agentops.hub.support.TestDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Agents, runs with exact costs, and reads of the agent list that wait for the workers' events. */
final class UsageFixture {

    private UsageFixture() {
    }

    /** Creates an agent and returns its id (runs name it by id too). */
    static String anAgent(Api api, Api.Session admin, String name) {
        Api.Response created = api.post("/api/v1/agents", Map.of("name", name), admin.accessToken());
        if (created.status() != 201) {
            throw new AssertionError("agent creation failed: " + created.body());
        }
        return created.data().get("id").toString();
    }

    /** A finished run that started now, with the cost the client reports (so the numbers are exact). */
    static Map<String, Object> aRun(String agentId, String status, String costUsd) {
        return aRunAt(agentId, status, costUsd, Instant.now());
    }

    static Map<String, Object> aRunAt(String agentId, String status, String costUsd, Instant start) {
        return Map.of("run_id", UUID.randomUUID().toString(), "agent_id", agentId, "status", status,
            "start_time", start.toString(), "cost_usd", new BigDecimal(costUsd));
    }

    /**
     * The agent as the list shows it once {@code expected} holds. The worker announces a batch right after its
     * commit, so the status of the job can say "processed" a moment before the cache has been told; the tests' TTL
     * is far longer than this wait, so only the invalidation can make a figure fresh here.
     */
    static Map<String, Object> agentOnceTrue(Api api, Api.Session session, String agentId, Predicate<Map<String, Object>> expected) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        Map<String, Object> agent;
        do {
            agent = listed(api, session, agentId);
            if (expected.test(agent)) {
                return agent;
            }
            sleep(20);
        } while (System.nanoTime() < deadline);
        return agent;
    }

    static Map<String, Object> listed(Api api, Api.Session session, String agentId) {
        Api.Response list = api.get("/api/v1/agents", session.accessToken());
        if (list.status() != 200) {
            throw new AssertionError("agent list failed: " + list.status() + " " + list.body());
        }
        return list.list().stream().filter(a -> agentId.equals(a.get("id"))).findFirst()
            .orElseThrow(() -> new AssertionError("agent " + agentId + " is not listed"));
    }

    static Predicate<Map<String, Object>> runs(int count) {
        return agent -> Integer.valueOf(count).equals(agent.get("runs_24h"));
    }

    static BigDecimal cost(Map<String, Object> agent) {
        return new BigDecimal(agent.get("cost_24h_usd").toString());
    }

    /** Changes the rollups behind the application's back (no event): only a read of PostgreSQL would see it. */
    static void addRollupRuns(UUID organizationId, String agentId, int runs) {
        try (Connection owner = TestDatabase.ownerConnection()) {
            owner.setAutoCommit(false);
            Sql.column(owner, "select set_config('app.org_id', ?, true)", organizationId.toString());
            Sql.update(owner, """
                insert into run_rollups_hourly (organization_id, agent_id, model, bucket, runs, errors, cost_usd)
                values (?, ?, 'direct', date_trunc('hour', now()), ?, 0, 0)
                on conflict (organization_id, agent_id, model, bucket) do update set runs = run_rollups_hourly.runs + excluded.runs""",
                organizationId, UUID.fromString(agentId), runs);
            owner.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
