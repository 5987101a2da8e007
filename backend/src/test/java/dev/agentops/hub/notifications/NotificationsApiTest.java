package dev.agentops.hub.notifications;

import dev.agentops.hub.costs.BudgetEvaluator;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.HookReceiver;
import dev.agentops.hub.support.OutboxMail;
import dev.agentops.hub.support.Sql;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.sse.SseClient;
import io.micronaut.http.sse.Event;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Budget alerts raised by a real evaluation become notifications (bell + live event), e-mails and webhook deliveries
 * on the budget's channels; read state is per user; everything stays inside the organization.
 */
@MicronautTest(transactional = false)
class NotificationsApiTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    @Client("/")
    SseClient sse;
    @Inject
    BudgetEvaluator evaluator;
    @Inject
    TenantTransactions tenants;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    JsonMapper json;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("agentops.webhooks.allow-private", "true");
    }

    @Test
    @SuppressWarnings("unchecked")
    void crossedThresholdsReachTheBellTheStreamTheMailboxesAndTheWebhookOncePerChannel() throws Exception {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        Api.Session lead = api.member(admin, "team_lead");   // invited into team "ml"
        Api.Session member = api.member(admin, "member");
        UUID org = admin.organizationId();
        UUID agent = agent(api, admin, "alpha", "ml");
        try (HookReceiver receiver = new HookReceiver()) {
            var hook = api.post("/api/v1/webhooks", Map.of("url", receiver.url("/budget"), "event_types", List.of("budget.threshold_crossed")),
                admin.accessToken());
            assertThat(hook.status()).isEqualTo(201);
            String secret = hook.data().get("secret").toString();
            String name = "ML spend " + UUID.randomUUID().toString().substring(0, 6);
            String budget = api.post("/api/v1/budgets", Map.of("name", name, "scope", "team", "team_name", "ml", "max_amount_usd", 10,
                "period", "total", "alert_thresholds", List.of(50, 80), "channels", List.of("in_app", "email", "webhook")),
                admin.accessToken()).data().get("id").toString();

            List<Event<Map<String, Object>>> events = new CopyOnWriteArrayList<>();
            Disposable stream = subscribe(api, member, events);
            try {
                await(() -> events.stream().anyMatch(e -> "ready".equals(e.getName())), "stream ready");
                spend(org, agent, "8.5");
                evaluator.evaluate(org, Instant.now());

                await(() -> api.get("/api/v1/notifications", admin.accessToken()).list().size() == 2, "two notifications");
                await(() -> events.stream().filter(e -> "notification.created".equals(e.getName())).count() == 2, "two live events");
            } finally {
                stream.dispose();
            }
            var list = api.get("/api/v1/notifications", admin.accessToken());
            assertThat(list.body()).containsEntry("unread_count", 2);
            Map<String, Object> newest = list.list().get(0);
            assertThat(list.list()).extracting(n -> n.get("title"))
                .containsExactlyInAnyOrder("Budget \"" + name + "\" reached 50 %", "Budget \"" + name + "\" reached 80 %");
            assertThat(newest).containsEntry("type", "budget.threshold_crossed").containsEntry("severity", "warning")
                .containsEntry("link", "/budgets?budget=" + budget).containsEntry("read_at", null);
            assertThat(newest.get("body").toString()).contains("$8.50 spent of $10.00 in total");
            Map<String, Object> data = (Map<String, Object>) newest.get("data");
            assertThat(data).containsKeys("budget_id", "budget_name", "threshold", "percent", "spent_usd", "max_amount_usd",
                "period_start", "paused_agent_ids").containsEntry("budget_id", budget).containsEntry("budget_name", name)
                .containsEntry("paused_agent_ids", List.of());
            Event<Map<String, Object>> live = events.stream().filter(e -> "notification.created".equals(e.getName())).findFirst().orElseThrow();
            assertThat(live.getData()).containsOnlyKeys("id", "type", "severity", "title", "link", "created_at")
                .containsEntry("type", "budget.threshold_crossed");
            assertThat(list.list()).extracting(n -> n.get("id")).contains(live.getData().get("id"));

            // e-mail: the admins and the team's leads, once each per threshold; a plain member gets none
            await(() -> OutboxMail.to(admin.email(), "Budget \"").size() == 2 && OutboxMail.to(lead.email(), "Budget \"").size() == 2, "four e-mails");
            assertThat(OutboxMail.to(admin.email(), "Budget \"")).anySatisfy(mail -> assertThat(mail)
                .startsWith("Budget \"" + name + "\" reached 80 %\n").contains("/budgets?budget=" + budget));
            assertThat(OutboxMail.to(member.email(), "Budget \"")).isEmpty();

            // webhook: one signed delivery per threshold, event id = the alert's id
            List<HookReceiver.Received> requests = receiver.await(2);
            var alerts = api.get("/api/v1/budgets/" + budget + "/alerts", admin.accessToken()).list();
            for (HookReceiver.Received request : requests) {
                Map<String, Object> body = json.readValue(request.body(), Map.class);
                assertThat(body).containsEntry("type", "budget.threshold_crossed");
                assertThat(alerts).extracting(a -> a.get("id")).contains(body.get("id"));
                assertThat((Map<String, Object>) body.get("data")).containsEntry("budget_id", budget);
                String signature = request.header("AgentOps-Signature");
                String t = signature.substring(2, signature.indexOf(','));
                assertThat(signature).endsWith("v1=" + dev.agentops.hub.support.Signatures.hmacHex(secret, t + "." + request.body()));
            }
            assertThat(alerts).allSatisfy(a -> assertThat(a.get("notified_at")).isNotNull());

            // nothing is sent twice: a later pass finds no pending alert
            Thread.sleep(1500);
            assertThat(api.get("/api/v1/notifications", admin.accessToken()).list()).hasSize(2);
            assertThat(receiver.received()).hasSize(2);
            assertThat(OutboxMail.to(admin.email(), "Budget \"")).hasSize(2);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void readStateBelongsToEachUserAndReadingIsIdempotent() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        Api.Session viewer = api.member(admin, "viewer");
        UUID org = admin.organizationId();
        UUID agent = agent(api, admin, "beta", null);
        api.post("/api/v1/budgets", Map.of("name", "Org total", "scope", "organization", "max_amount_usd", 10, "period", "total"),
            admin.accessToken());
        spend(org, agent, "12");
        evaluator.evaluate(org, Instant.now());
        await(() -> api.get("/api/v1/notifications", admin.accessToken()).list().size() == 3, "three notifications");

        var all = api.get("/api/v1/notifications", admin.accessToken()).list();
        assertThat(all).extracting(n -> n.get("severity")).contains("critical", "warning");
        String first = all.get(0).get("id").toString();
        var read = api.post("/api/v1/notifications/" + first + "/read", null, admin.accessToken());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.data().get("read_at")).isNotNull();
        var again = api.post("/api/v1/notifications/" + first + "/read", null, admin.accessToken());
        assertThat(again.data().get("read_at")).as("idempotent: the first read time stays").isEqualTo(read.data().get("read_at"));

        assertThat(api.get("/api/v1/notifications/unread-count", admin.accessToken()).data()).containsEntry("unread_count", 2);
        assertThat(api.get("/api/v1/notifications/unread-count", viewer.accessToken()).data()).containsEntry("unread_count", 3);
        var unread = api.get("/api/v1/notifications?unread=true", admin.accessToken());
        assertThat(unread.list()).hasSize(2).extracting(n -> n.get("id")).doesNotContain(first);
        assertThat(unread.body()).containsEntry("unread_count", 2);
        assertThat(api.get("/api/v1/notifications?unread=false", admin.accessToken()).list()).hasSize(3);
        assertThat(api.get("/api/v1/notifications", viewer.accessToken()).list()).allSatisfy(n -> assertThat(n.get("read_at")).isNull());

        var page = api.get("/api/v1/notifications?limit=2", viewer.accessToken());
        assertThat(page.list()).hasSize(2);
        String cursor = ((Map<String, Object>) page.body().get("page")).get("next_cursor").toString();
        var rest = api.get("/api/v1/notifications?limit=2&cursor=" + cursor, viewer.accessToken());
        assertThat(rest.list()).hasSize(1);
        assertThat(((Map<String, Object>) rest.body().get("page")).get("next_cursor")).isNull();
        assertThat(api.get("/api/v1/notifications?limit=201", viewer.accessToken()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/notifications?cursor=nope", viewer.accessToken()).status()).isEqualTo(400);

        assertThat(api.post("/api/v1/notifications/read-all", null, viewer.accessToken()).data()).containsEntry("marked", 3);
        assertThat(api.post("/api/v1/notifications/read-all", null, viewer.accessToken()).data()).containsEntry("marked", 0);
        assertThat(api.get("/api/v1/notifications/unread-count", viewer.accessToken()).data()).containsEntry("unread_count", 0);
        assertThat(api.get("/api/v1/notifications/unread-count", admin.accessToken()).data()).containsEntry("unread_count", 2);
        assertThat(api.post("/api/v1/notifications/read-all", null, admin.accessToken()).data()).containsEntry("marked", 2);

        // another organization sees none of them and cannot mark them
        Api.Session stranger = api.signup();
        assertThat(api.post("/api/v1/notifications/" + first + "/read", null, stranger.accessToken()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/notifications/" + UUID.randomUUID() + "/read", null, admin.accessToken()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/notifications", stranger.accessToken()).list()).isEmpty();
        assertThat(api.get("/api/v1/notifications/unread-count", stranger.accessToken()).data()).containsEntry("unread_count", 0);
        assertThat(api.post("/api/v1/notifications/read-all", null, stranger.accessToken()).data()).containsEntry("marked", 0);
    }

    @Test
    void autoPauseIsACriticalNotificationNamingThePausedAgentsAndInAppOnlyBudgetsSendNothingElse() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        UUID org = admin.organizationId();
        UUID agent = agent(api, admin, "gamma", null);
        try (HookReceiver receiver = new HookReceiver()) {
            api.post("/api/v1/webhooks", Map.of("url", receiver.url("/x"), "event_types", List.of("budget.auto_paused", "budget.threshold_crossed")),
                admin.accessToken());
            api.post("/api/v1/budgets", Map.of("name", "Stopper", "scope", "organization", "max_amount_usd", 1, "period", "total",
                "alert_thresholds", List.of(100), "auto_pause_at_percent", 150), admin.accessToken());
            spend(org, agent, "2");
            evaluator.evaluate(org, Instant.now());
            await(() -> api.get("/api/v1/notifications", admin.accessToken()).list().size() == 2, "two notifications");
            var paused = api.get("/api/v1/notifications", admin.accessToken()).list().stream()
                .filter(n -> "budget.auto_paused".equals(n.get("type"))).findFirst().orElseThrow();
            assertThat(paused).containsEntry("severity", "critical").containsEntry("title", "Budget \"Stopper\" paused 1 agent at 150 %");
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) paused.get("data");
            assertThat(data).containsEntry("paused_agent_ids", List.of(agent.toString())).containsEntry("threshold", 150);
            assertThat(receiver.received()).as("the budget's channels are in_app only").isEmpty();
            assertThat(OutboxMail.to(admin.email(), "Budget \"")).isEmpty();
        }
    }

    @Test
    void apiKeysAndAnonymousCallersHaveNoNotifications() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        for (String key : List.of(api.apiKey(admin, "read"), api.apiKey(admin, "admin"))) {
            assertThat(api.get("/api/v1/notifications", key).status()).isEqualTo(403);
            assertThat(api.get("/api/v1/notifications/unread-count", key).status()).isEqualTo(403);
            assertThat(api.post("/api/v1/notifications/read-all", null, key).code()).isEqualTo("forbidden");
            assertThat(api.post("/api/v1/notifications/" + UUID.randomUUID() + "/read", null, key).status()).isEqualTo(403);
        }
        assertThat(api.get("/api/v1/notifications", null).status()).isEqualTo(401);
        for (String role : List.of("viewer", "member", "team_lead")) {
            assertThat(api.get("/api/v1/notifications", api.member(admin, role).accessToken()).status()).as(role).isEqualTo(200);
        }
    }

    private Disposable subscribe(Api api, Api.Session session, List<Event<Map<String, Object>>> into) {
        String ticket = api.post("/api/v1/stream/ticket", null, session.accessToken()).data().get("ticket").toString();
        return Flux.from(sse.eventStream(HttpRequest.GET("/api/v1/stream?ticket=" + ticket), Argument.mapOf(String.class, Object.class)))
            .subscribe(into::add);
    }

    static UUID agent(Api api, Api.Session admin, String slug, String team) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", slug, "slug", slug));
        if (team != null) {
            body.put("team", team);
        }
        var created = api.post("/api/v1/agents", body, admin.accessToken());
        assertThat(created.status()).isEqualTo(201);
        return UUID.fromString(created.data().get("id").toString());
    }

    private void spend(UUID org, UUID agent, String costUsd) {
        tenants.run(org, () -> Sql.update(tx.getConnection(), """
            insert into run_rollups_hourly (organization_id, agent_id, model, bucket, runs, cost_usd)
            values (?, ?, 'gpt-4o', date_trunc('hour', now() - interval '1 hour'), 1, ?::numeric)""", org, agent, costUsd));
    }

    static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
