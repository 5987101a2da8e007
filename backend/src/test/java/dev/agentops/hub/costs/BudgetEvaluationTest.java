package dev.agentops.hub.costs;

import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.Ingest;
import dev.agentops.hub.support.Sql;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Budget evaluation with an instant the test controls: spend is written straight into the hourly rollups (the table
 * the workers update), then {@link BudgetEvaluator#evaluate} runs as of that instant.
 */
@MicronautTest(transactional = false)
class BudgetEvaluationTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    BudgetEvaluator evaluator;
    @Inject
    TenantTransactions tenants;
    @Inject
    TransactionOperations<Connection> tx;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("micronaut.http.client.read-timeout", "60s");
    }

    @Test
    void eachThresholdFiresOncePerPeriodAcrossConcurrentEvaluationsAndAgainInTheNextPeriod() throws Exception {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        UUID agent = UUID.fromString(CostApiTest.agent(api, admin, "alpha", "ml"));
        String budget = api.post("/api/v1/budgets", Map.of("name", "Monthly", "scope", "organization", "max_amount_usd", 10,
            "period", "monthly"), admin.accessToken()).data().get("id").toString();
        awaitScheduledEvaluation(admin.organizationId());
        // the middle of a month, whatever today is: no period boundary between now and a few hours later
        Instant now = Instant.now().truncatedTo(ChronoUnit.DAYS).atZone(java.time.ZoneOffset.UTC).withDayOfMonth(15).toInstant();
        UUID org = admin.organizationId();

        spend(org, agent, now.minus(Duration.ofHours(2)), "8.5");
        assertThat(evaluator.evaluate(org, now)).extracting(BudgetEvaluator.Fired::threshold).containsExactly(50, 80);
        assertThat(evaluator.evaluate(org, now)).as("nothing new crossed").isEmpty();

        spend(org, agent, now.minus(Duration.ofHours(1)), "2");
        List<BudgetEvaluator.Fired> fired = concurrently(4, () -> evaluator.evaluate(org, now));
        assertThat(fired).extracting(BudgetEvaluator.Fired::threshold).as("one of four evaluations records 100 %").containsExactly(100);
        for (int i = 0; i < 50; i++) {
            spend(org, agent, now.minus(Duration.ofHours(1)), "0.01");
            assertThat(evaluator.evaluate(org, now)).isEmpty();
        }
        var alerts = api.get("/api/v1/budgets/" + budget + "/alerts", admin.accessToken()).list();
        assertThat(alerts).extracting(a -> a.get("threshold")).containsExactlyInAnyOrder(50, 80, 100);
        // notified_at is the notifications drainer's (NotificationsApiTest): it may already have handled these rows
        assertThat(alerts).allSatisfy(a -> assertThat(a).containsEntry("kind", "threshold").containsEntry("channels", List.of("in_app"))
            .containsKey("notified_at"));

        Instant nextMonth = now.atZone(java.time.ZoneOffset.UTC).plusMonths(1).toInstant();
        assertThat(evaluator.evaluate(org, nextMonth)).as("a new period starts with no spend").isEmpty();
        spend(org, agent, nextMonth.minus(Duration.ofHours(1)), "6");
        assertThat(evaluator.evaluate(org, nextMonth)).extracting(BudgetEvaluator.Fired::threshold).containsExactly(50);
        assertThat(api.get("/api/v1/budgets/" + budget + "/alerts", admin.accessToken()).list()).hasSize(4);
    }

    @Test
    @SuppressWarnings("unchecked")
    void autoPausePausesTheBudgetsAgentsOnceThroughTheControlsPath() throws Exception {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        UUID alpha = UUID.fromString(CostApiTest.agent(api, admin, "alpha", "ml"));
        UUID delta = UUID.fromString(CostApiTest.agent(api, admin, "delta", "ml"));
        UUID beta = UUID.fromString(CostApiTest.agent(api, admin, "beta", "ops"));
        String budget = api.post("/api/v1/budgets", Map.of("name", "ML team", "scope", "team", "team_name", "ml",
            "max_amount_usd", 10, "period", "daily", "alert_thresholds", List.of(100), "auto_pause_at_percent", 120),
            admin.accessToken()).data().get("id").toString();
        awaitScheduledEvaluation(admin.organizationId());
        Instant now = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(12));
        UUID org = admin.organizationId();
        spend(org, beta, now.minus(Duration.ofHours(1)), "50");
        assertThat(evaluator.evaluate(org, now)).as("another team's spend").isEmpty();

        spend(org, alpha, now.minus(Duration.ofHours(1)), "11");
        assertThat(evaluator.evaluate(org, now)).extracting(BudgetEvaluator.Fired::kind).containsExactly("threshold");
        spend(org, delta, now.minus(Duration.ofHours(1)), "1.5");
        List<BudgetEvaluator.Fired> fired = concurrently(4, () -> evaluator.evaluate(org, now));
        assertThat(fired).hasSize(1);
        assertThat(fired.get(0).kind()).isEqualTo("auto_pause");
        assertThat(fired.get(0).pausedAgentIds()).containsExactlyInAnyOrder(alpha, delta);

        for (UUID id : List.of(alpha, delta)) {
            var agent = api.get("/api/v1/agents/" + id, admin.accessToken()).data();
            assertThat(agent).containsEntry("status", "paused").containsEntry("pause_source", "budget");
            assertThat(agent.get("paused_reason").toString()).contains("ML team");
        }
        assertThat(api.get("/api/v1/agents/" + beta, admin.accessToken()).data()).containsEntry("status", "active");
        var audit = api.get("/api/v1/audit-logs?action=agent.paused", admin.accessToken()).list();
        assertThat(audit).hasSize(2).allSatisfy(a -> assertThat(a).containsEntry("actor_type", "system"));

        // a person resumes one agent: the budget does not pause it again in the same period
        assertThat(api.post("/api/v1/controls/resume-agent/" + alpha, Map.of("reason", "raised the limit by hand"),
            admin.accessToken()).status()).isEqualTo(200);
        spend(org, alpha, now.minus(Duration.ofHours(1)), "5");
        assertThat(evaluator.evaluate(org, now)).isEmpty();
        assertThat(api.get("/api/v1/agents/" + alpha, admin.accessToken()).data()).containsEntry("status", "active");
        var alerts = api.get("/api/v1/budgets/" + budget + "/alerts", admin.accessToken()).list();
        var pause = alerts.stream().filter(a -> "auto_pause".equals(a.get("kind"))).findFirst().orElseThrow();
        assertThat((List<String>) pause.get("paused_agent_ids")).containsExactlyInAnyOrder(alpha.toString(), delta.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void runsIngestedPastAThresholdRaiseTheAlertAfterTheirBatchCommits() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        CostApiTest.agent(api, admin, "alpha", null);
        String budget = api.post("/api/v1/budgets", Map.of("name", "Tiny", "scope", "organization", "max_amount_usd", "0.005",
            "period", "total"), admin.accessToken()).data().get("id").toString();
        Ingest ingest = new Ingest(api, api.apiKey(admin, "ingest"));
        Instant start = Instant.now().minus(Duration.ofMinutes(5));
        ingest.sendAndWait(CostsFixture.run("r1", "alpha", start.toString(), "gpt-4o", 1000, 100));
        ingest.sendAndWait(CostsFixture.run("r2", "alpha", start.plusSeconds(1).toString(), "gpt-4o", 1000, 100));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        List<Map<String, Object>> alerts = List.of();
        while (Instant.now().isBefore(deadline) && alerts.size() < 3) {
            alerts = api.get("/api/v1/budgets/" + budget + "/alerts", admin.accessToken()).list();
            sleep(200);
        }
        // 2 x 0.0035 = 0.007 of 0.005: 140 %
        assertThat(alerts).extracting(a -> a.get("threshold")).containsExactlyInAnyOrder(50, 80, 100);
        var status = (Map<String, Object>) api.get("/api/v1/budgets/" + budget, admin.accessToken()).data().get("status");
        assertThat(status).containsEntry("state", "exceeded");
        assertThat(new BigDecimal(status.get("percent").toString())).isEqualByComparingTo("140");
        var summary = api.get("/api/v1/costs/summary", admin.accessToken()).data();
        assertThat((List<Map<String, Object>>) summary.get("budgets")).extracting(b -> b.get("name")).containsExactly("Tiny");
    }

    @Test
    void loweringALimitBelowTheSpendRaisesTheAlertsWithoutWaitingForNewRuns() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        UUID agent = UUID.fromString(CostApiTest.agent(api, admin, "alpha", null));
        spend(admin.organizationId(), agent, Instant.now().minus(Duration.ofDays(3)), "2");
        String budget = api.post("/api/v1/budgets", Map.of("name", "All time", "scope", "organization", "max_amount_usd", 100,
            "period", "total"), admin.accessToken()).data().get("id").toString();
        awaitScheduledEvaluation(admin.organizationId());
        assertThat(api.get("/api/v1/budgets/" + budget + "/alerts", admin.accessToken()).list()).isEmpty();

        var lowered = api.call("PATCH", "/api/v1/budgets/" + budget, Map.of("max_amount_usd", 3), admin.accessToken());
        assertThat(lowered.status()).isEqualTo(200);
        awaitScheduledEvaluation(admin.organizationId());
        var alerts = api.get("/api/v1/budgets/" + budget + "/alerts", admin.accessToken()).list();
        assertThat(alerts).extracting(a -> a.get("threshold")).containsExactly(50);
        assertThat(new BigDecimal(alerts.get(0).get("percent").toString())).isEqualByComparingTo("66.67");
    }

    /** Creating a budget schedules an evaluation at the real time: let it pass before the test moves time. */
    private void awaitScheduledEvaluation(UUID org) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!evaluator.idle(org) && Instant.now().isBefore(deadline)) {
            sleep(50);
        }
        assertThat(evaluator.idle(org)).as("the scheduled evaluation ran").isTrue();
    }

    private void spend(UUID org, UUID agent, Instant at, String costUsd) {
        tenants.run(org, () -> Sql.update(tx.getConnection(), """
            insert into run_rollups_hourly (organization_id, agent_id, model, bucket, runs, cost_usd)
            values (?, ?, 'gpt-4o', date_trunc('hour', ?::timestamptz), 1, ?::numeric)
            on conflict (organization_id, agent_id, model, bucket)
            do update set runs = run_rollups_hourly.runs + 1, cost_usd = run_rollups_hourly.cost_usd + excluded.cost_usd""",
            org, agent, java.sql.Timestamp.from(at), costUsd));
    }

    private static List<BudgetEvaluator.Fired> concurrently(int threads, java.util.concurrent.Callable<List<BudgetEvaluator.Fired>> work)
        throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<BudgetEvaluator.Fired>>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return work.call();
                }));
            }
            go.countDown();
            List<BudgetEvaluator.Fired> all = new ArrayList<>();
            for (Future<List<BudgetEvaluator.Fired>> f : futures) {
                all.addAll(f.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
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
