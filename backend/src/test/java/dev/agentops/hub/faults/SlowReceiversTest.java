package dev.agentops.hub.faults;

import com.sun.net.httpserver.HttpServer;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.support.Sql;
import dev.agentops.hub.support.TestDatabase;
import dev.agentops.hub.support.TestRedis;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.InetSocketAddress;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An SMTP server that accepts connections and never answers, and a webhook receiver that takes 30 s to answer: the
 * requests that send mail (password reset, invitation) still answer at once, ingest and the workers' batches stay
 * fast while budget alerts wait on both, and the alert e-mail and the webhook delivery stay in their outboxes with
 * their error, to be retried later.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlowReceiversTest {

    private static final Duration FAST = Duration.ofSeconds(2);

    private FakeSmtp smtp;
    private HttpServer sleepyReceiver;
    private final CountDownLatch releaseReceiver = new CountDownLatch(1);
    private final AtomicInteger webhookCalls = new AtomicInteger();
    private InProcessApp app;

    @BeforeAll
    void start() throws Exception {
        smtp = new FakeSmtp();
        sleepyReceiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sleepyReceiver.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "sleepy-receiver");
            thread.setDaemon(true);
            return thread;
        }));
        sleepyReceiver.createContext("/", exchange -> {
            webhookCalls.incrementAndGet();
            try {
                releaseReceiver.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        sleepyReceiver.start();
        app = new InProcessApp(TestDatabase.get().micronautProperties(), Map.of("redis.uri", TestRedis.uri(),
            "agentops.smtp.host", "127.0.0.1", "agentops.smtp.port", Integer.toString(smtp.port()),
            "agentops.webhooks.allow-private", "true"));
    }

    @AfterAll
    void stop() throws Exception {
        releaseReceiver.countDown();
        if (app != null) {
            app.close();
        }
        sleepyReceiver.stop(0);
        smtp.close();
    }

    @Test
    void aSilentMailServerAndASleepingWebhookReceiverNeverSlowRequestsOrWorkers() throws Exception {
        Faults.Tenant tenant = signUpThroughSmtp();
        String base = app.base();
        Faults.expect(201, Faults.post(base, "/api/v1/webhooks", tenant.accessToken(),
            "{\"url\":\"http://127.0.0.1:" + sleepyReceiver.getAddress().getPort() + "/hook\",\"event_types\":[\"budget.threshold_crossed\"]}"));
        // each run costs about $0.00021 (gpt-4o-mini, 1,000 + 100 tokens): a handful crosses every threshold of $0.001
        Faults.expect(201, Faults.post(base, "/api/v1/budgets", tenant.accessToken(), "{\"name\":\"Tiny\",\"scope\":\"organization\","
            + "\"max_amount_usd\":0.001,\"period\":\"total\",\"channels\":[\"in_app\",\"email\",\"webhook\"]}"));

        smtp.goSilent();

        assertFast("password reset", () -> Faults.expect(202, Faults.post(base, "/api/v1/auth/password-reset", null,
            "{\"email\":\"" + tenant.email() + "\"}")));
        assertFast("invitation", () -> Faults.expect(201, Faults.post(base, "/api/v1/org-members", tenant.accessToken(),
            "{\"email\":\"invitee-" + UUID.randomUUID() + "@example.com\",\"role\":\"member\",\"teams\":[]}")));
        assertThat(Faults.within(Duration.ofSeconds(10), () -> smtp.heldConnections() >= 2))
            .as("both e-mails are stuck on the silent server").isTrue();

        ingestAndProcessFast(tenant, 8);
        UUID org = UUID.fromString(tenant.organizationId());
        assertThat(Faults.within(Duration.ofSeconds(15), () -> webhookCalls.get() > 0 && count(org,
            "select count(*) from notification_emails where organization_id = ? and attempts > 0 and status = 'pending'") > 0))
            .as("the alert's e-mail and webhook are being sent (and hang)").isTrue();

        // while the senders wait on both receivers, requests and worker batches are as fast as ever
        ingestAndProcessFast(tenant, 8);

        // both fail by their own timeouts and stay in their outboxes, due again later
        assertThat(Faults.within(Duration.ofSeconds(30), () -> count(org, "select count(*) from notification_emails where organization_id = ?"
            + " and status = 'pending' and last_error is not null and next_attempt_at > now()") > 0))
            .as("alert e-mail kept for a later attempt").isTrue();
        assertThat(Faults.within(Duration.ofSeconds(30), () -> count(org, "select count(*) from webhook_deliveries where organization_id = ?"
            + " and status = 'pending' and last_error like 'No answer within%' and next_attempt_at > now()") > 0))
            .as("webhook delivery kept for a later attempt").isTrue();
    }

    private void ingestAndProcessFast(Faults.Tenant tenant, int runs) {
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            String runId = "slow-receivers-" + UUID.randomUUID();
            assertFast("ingest", () -> jobs.add(Faults.expect(202, Faults.post(app.base(), "/api/v1/ingest/run", tenant.apiKey(),
                Faults.run(runId, tenant.agent()))).field("id")));
        }
        long started = System.nanoTime();
        for (String job : jobs) {
            assertThat(Faults.within(Duration.ofSeconds(5), () -> !"queued".equals(Faults.field(
                Faults.get(app.base(), "/api/v1/ingest/jobs/" + job, tenant.apiKey()).body(), "status"))))
                .as("job %s processed by a worker", job).isTrue();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("worker batches").isLessThan(Duration.ofSeconds(5));
    }

    private static void assertFast(String what, Runnable request) {
        long started = System.nanoTime();
        request.run();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as(what).isLessThan(FAST);
    }

    private long count(UUID org, String sql) {
        TenantTransactions tenants = app.bean(TenantTransactions.class);
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> tx = app.bean(TransactionOperations.class);
        return tenants.read(org, () -> Sql.count(tx.getConnection(), sql, org));
    }

    /** With SMTP configured the answer carries no link: it is read from the e-mail, as a person would. */
    private Faults.Tenant signUpThroughSmtp() {
        String email = "slow-" + UUID.randomUUID() + "@example.com";
        Faults.expect(202, Faults.post(app.base(), "/api/v1/auth/signup", null, "{\"email\":\"" + email + "\",\"password\":\""
            + Faults.PASSWORD + "\",\"full_name\":\"Slow Receiver\",\"organization_name\":\"Slow " + email.substring(5, 11) + "\"}"));
        Pattern link = Pattern.compile("(https?://\\S*token=[A-Za-z0-9_\\-]+)");
        String[] found = new String[1];
        assertThat(Faults.within(Duration.ofSeconds(10), () -> smtp.messages().stream()
            .filter(m -> m.contains(email))
            .map(m -> link.matcher(m.replace("=\n", "").replace("=3D", "=")))
            .filter(Matcher::find)
            .peek(m -> found[0] = m.group(1))
            .findAny().isPresent())).as("confirmation e-mail").isTrue();
        return Faults.tenantFromConfirmation(app.base(), email, found[0]);
    }
}
