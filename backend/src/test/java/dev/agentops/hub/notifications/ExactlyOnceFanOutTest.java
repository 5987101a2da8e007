package dev.agentops.hub.notifications;

import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.SecondInstance;
import dev.agentops.hub.support.HookReceiver;
import dev.agentops.hub.support.OutboxMail;
import dev.agentops.hub.support.Sql;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the application share the database (and Redis). 1,000 runs ingested through both cross three
 * thresholds of a team budget while both instances' evaluators, schedulers and two extra threads per instance drain
 * the alerts: each threshold still gives exactly one notification, one e-mail per recipient and one delivery per
 * endpoint.
 */
@MicronautTest(transactional = false)
class ExactlyOnceFanOutTest extends AppTest {

    private static final int RUNS = 1000;

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    AlertDrainer drainer;
    @Inject
    TenantTransactions tenants;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    JsonMapper json;

    SecondInstance second;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("agentops.webhooks.allow-private", "true",
            "agentops.rate-limits.api-key", "100000/1s burst 100000",
            "agentops.rate-limits.org-ingest-events", "1000000/1s burst 1000000",
            "micronaut.http.client.read-timeout", "60s");
    }

    @BeforeAll
    void startSecondInstance() {
        second = new SecondInstance(getProperties());
    }

    @AfterAll
    void stopSecondInstance() {
        second.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void thresholdsCrossedByRunsOnTwoInstancesFanOutExactlyOnce() throws Exception {
        Api api = new Api(client);
        Api other = new Api(second.client());
        Api.Session admin = api.signup();
        Api.Session lead = api.member(admin, "team_lead");
        NotificationsApiTest.agent(api, admin, "racer", "ml");
        String key = api.apiKey(admin, "ingest");
        String name = "Race " + UUID.randomUUID().toString().substring(0, 6);
        try (HookReceiver receiver = new HookReceiver(); HookReceiver second = new HookReceiver()) {
            for (HookReceiver r : List.of(receiver, second)) {
                assertThat(api.post("/api/v1/webhooks", Map.of("url", r.url("/race"), "event_types", List.of("budget.threshold_crossed")),
                    admin.accessToken()).status()).isEqualTo(201);
            }
            // each run costs $0.0035 (gpt-4o, 1,000 + 100 tokens): $3.50 in all crosses 50 %, 80 % and 100 % of $3
            String budget = api.post("/api/v1/budgets", Map.of("name", name, "scope", "team", "team_name", "ml", "max_amount_usd", 3,
                "period", "total", "channels", List.of("in_app", "email", "webhook")), admin.accessToken()).data().get("id").toString();

            AlertDrainer otherDrainer = this.second.bean(AlertDrainer.class);
            AtomicBoolean racing = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(12);
            List<Future<?>> drains = new ArrayList<>();
            for (AlertDrainer d : List.of(drainer, drainer, otherDrainer, otherDrainer)) {
                drains.add(pool.submit(() -> {
                    while (racing.get()) {
                        d.drain();
                    }
                    return null;
                }));
            }
            Instant start = Instant.now().minus(Duration.ofMinutes(10));
            List<Future<Integer>> sends = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                sends.add(pool.submit(() -> {
                    int accepted = 0;
                    for (int i = thread; i < RUNS; i += 8) {
                        Map<String, Object> run = Map.of("run_id", "race-" + i, "agent_id", "racer", "status", "completed",
                            "start_time", start.plusMillis(i).toString(), "end_time", start.plusMillis(i + 1).toString(), "model", "gpt-4o",
                            "token_usage", Map.of("input_tokens", 1000, "output_tokens", 100));
                        if ((i % 2 == 0 ? api : other).post("/api/v1/ingest/run", run, key).status() == 202) {
                            accepted++;
                        }
                    }
                    return accepted;
                }));
            }
            int accepted = 0;
            for (Future<Integer> send : sends) {
                accepted += send.get(5, TimeUnit.MINUTES);
            }
            assertThat(accepted).isEqualTo(RUNS);

            NotificationsApiTest.await(() -> {
                var alerts = api.get("/api/v1/budgets/" + budget + "/alerts", admin.accessToken()).list();
                return alerts.size() == 3 && alerts.stream().allMatch(a -> a.get("notified_at") != null);
            }, "three alerts handed to every channel");
            NotificationsApiTest.await(() -> receiver.received().size() >= 3 && second.received().size() >= 3
                && OutboxMail.to(admin.email(), "Budget \"").size() >= 3 && OutboxMail.to(lead.email(), "Budget \"").size() >= 3, "all e-mails and deliveries");
            Thread.sleep(2000); // anything duplicated would arrive now
            racing.set(false);
            for (Future<?> drain : drains) {
                drain.get(1, TimeUnit.MINUTES);
            }
            pool.shutdown();

            var notifications = api.get("/api/v1/notifications", admin.accessToken()).list();
            assertThat(notifications).extracting(n -> n.get("title")).containsExactlyInAnyOrder(
                "Budget \"" + name + "\" reached 50 %", "Budget \"" + name + "\" reached 80 %", "Budget \"" + name + "\" reached 100 %");
            for (String recipient : List.of(admin.email(), lead.email())) {
                assertThat(OutboxMail.to(recipient, "Budget \"")).as(recipient).hasSize(3)
                    .extracting(mail -> mail.substring(0, mail.indexOf('\n'))).doesNotHaveDuplicates();
            }
            for (HookReceiver r : List.of(receiver, second)) {
                assertThat(r.received()).hasSize(3);
                assertThat(r.received()).extracting(req -> eventId(req.body())).doesNotHaveDuplicates();
            }
            UUID org = admin.organizationId();
            long emails = tenants.read(org, () -> Sql.count(tx.getConnection(), "select count(*) from notification_emails where organization_id = ?", org));
            long deliveries = tenants.read(org, () -> Sql.count(tx.getConnection(),
                "select count(*) from webhook_deliveries where organization_id = ? and status = 'succeeded'", org));
            assertThat(emails).isEqualTo(6);
            assertThat(deliveries).isEqualTo(6);
        }
    }

    private Object eventId(String body) {
        try {
            return json.readValue(body, Map.class).get("id");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
