package dev.agentops.hub.webhooks;

import dev.agentops.hub.shared.security.SecretBox;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.HookReceiver;
import dev.agentops.hub.support.Signatures;
import dev.agentops.hub.support.Sql;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook endpoints and deliveries against real HTTP receivers on 127.0.0.1 (private addresses allowed here; the
 * guard itself is {@link WebhookSsrfTest}). Retries move time by handing the sender a later instant, never by sleeping.
 */
@MicronautTest(transactional = false)
class WebhookDeliveryTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    WebhookSender sender;
    @Inject
    JsonMapper json;
    @Inject
    TenantTransactions tenants;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    SecretBox box;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("agentops.webhooks.allow-private", "true");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTestEventArrivesSignedWithTheSecretShownOnceAndIsListedAsDelivered() throws Exception {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        try (HookReceiver receiver = new HookReceiver()) {
            var created = api.post("/api/v1/webhooks", Map.of("url", receiver.url("/hooks/agentops"),
                "event_types", List.of("budget.threshold_crossed", "webhook.test"), "description", "ops channel"), admin.accessToken());
            assertThat(created.status()).isEqualTo(201);
            String id = created.data().get("id").toString();
            String secret = created.data().get("secret").toString();
            assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(30);
            assertThat(created.data()).containsEntry("kind", "generic").containsEntry("description", "ops channel")
                .containsEntry("created_by", admin.userId().toString()).containsEntry("last_delivery", null);
            assertThat(created.header("Location")).isEqualTo("/api/v1/webhooks/" + id);

            var got = api.get("/api/v1/webhooks/" + id, admin.accessToken());
            assertThat(got.data()).doesNotContainKey("secret").containsEntry("event_types", List.of("budget.threshold_crossed", "webhook.test"));
            assertThat(api.get("/api/v1/webhooks", admin.accessToken()).list()).extracting(w -> w.get("id")).containsExactly(id);

            var test = api.post("/api/v1/webhooks/" + id + "/test", null, admin.accessToken());
            assertThat(test.status()).isEqualTo(202);
            assertThat(test.data()).containsEntry("event_type", "webhook.test").containsEntry("webhook_id", id)
                .containsEntry("attempts", 0);

            HookReceiver.Received request = receiver.await(1).get(0);
            assertThat(request.path()).isEqualTo("/hooks/agentops");
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(request.header("User-Agent")).isEqualTo("AgentOps-Hub-Webhooks/1");
            String signature = request.header("AgentOps-Signature");
            assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64}");
            String t = signature.substring(2, signature.indexOf(','));
            String v1 = signature.substring(signature.indexOf("v1=") + 3);
            assertThat(v1).as("HMAC-SHA256(secret, t + '.' + raw body), recomputed by the receiver").isEqualTo(hmac(secret, t + "." + request.body()));
            assertThat(Math.abs(Long.parseLong(t) - Instant.now().getEpochSecond())).isLessThan(60);

            Map<String, Object> body = json.readValue(request.body(), Map.class);
            assertThat(body).containsOnlyKeys("id", "type", "created_at", "organization_id", "data")
                .containsEntry("id", test.data().get("event_id")).containsEntry("type", "webhook.test")
                .containsEntry("organization_id", admin.organizationId().toString());
            assertThat((Map<String, Object>) body.get("data")).containsEntry("webhook_id", id);

            Map<String, Object> delivery = awaitDelivery(api, admin, id, d -> "succeeded".equals(d.get("status")));
            assertThat(delivery).containsEntry("attempts", 1).containsEntry("last_status_code", 200).containsEntry("last_error", null)
                .containsEntry("next_attempt_at", null);
            assertThat(delivery.get("delivered_at")).isNotNull();
            var listed = api.get("/api/v1/webhooks", admin.accessToken()).list().get(0);
            assertThat((Map<String, Object>) listed.get("last_delivery")).containsEntry("status", "succeeded");
        }
    }

    @Test
    void aFailedAttemptIsRetriedWithBackOffAndTheSameEventIdUntilItSucceeds() throws Exception {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        try (HookReceiver receiver = new HookReceiver().answer(500)) {
            String id = create(api, admin, receiver.url("/retry"));
            api.post("/api/v1/webhooks/" + id + "/test", null, admin.accessToken());
            receiver.await(1);
            Map<String, Object> failed = awaitDelivery(api, admin, id, d -> Integer.valueOf(500).equals(d.get("last_status_code")));
            assertThat(failed).containsEntry("status", "pending").containsEntry("attempts", 1).containsEntry("last_error", "HTTP 500");
            Duration wait = Duration.between(Instant.now(), Instant.parse(failed.get("next_attempt_at").toString()));
            assertThat(wait).as("30 s with 20 % jitter").isBetween(Duration.ofSeconds(20), Duration.ofSeconds(37));
            assertThat(receiver.received()).as("not before its time").hasSize(1);

            sender.sendDue(Instant.now().plus(Duration.ofMinutes(1)));
            Map<String, Object> delivered = awaitDelivery(api, admin, id, d -> "succeeded".equals(d.get("status")));
            assertThat(delivered).containsEntry("attempts", 2).containsEntry("last_status_code", 200).containsEntry("last_error", null);
            List<HookReceiver.Received> both = receiver.received();
            assertThat(both).hasSize(2);
            assertThat(json.readValue(both.get(1).body(), Map.class).get("id")).isEqualTo(json.readValue(both.get(0).body(), Map.class).get("id"));
        }
    }

    @Test
    void theSenderGivesUpTwentyFourHoursAfterTheEventAndFollowsNoRedirect() throws Exception {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        try (HookReceiver target = new HookReceiver(); HookReceiver receiver = new HookReceiver().answerByDefault(302).redirectTo(target.url("/elsewhere"))) {
            String id = create(api, admin, receiver.url("/moved"));
            var queued = api.post("/api/v1/webhooks/" + id + "/test", null, admin.accessToken()).data();
            Instant createdAt = Instant.parse(queued.get("created_at").toString());
            receiver.await(1);
            awaitDelivery(api, admin, id, d -> Integer.valueOf(302).equals(d.get("last_status_code")));

            Instant later = createdAt.plus(Duration.ofHours(2));
            sender.sendDue(later);
            Map<String, Object> second = awaitDelivery(api, admin, id, d -> Integer.valueOf(2).equals(d.get("attempts")));
            Duration wait = Duration.between(later, Instant.parse(second.get("next_attempt_at").toString()));
            assertThat(wait).as("the second delay doubles: 60 s with 20 % jitter").isBetween(Duration.ofSeconds(47), Duration.ofSeconds(73));

            sender.sendDue(createdAt.plus(Duration.ofHours(24)).plusSeconds(1));
            Map<String, Object> failed = awaitDelivery(api, admin, id, d -> "failed".equals(d.get("status")));
            assertThat(failed).containsEntry("attempts", 3).containsEntry("next_attempt_at", null).containsEntry("delivered_at", null)
                .containsEntry("last_error", "HTTP 302");
            sender.sendDue(createdAt.plus(Duration.ofDays(3)));
            assertThat(receiver.received()).as("nothing after giving up").hasSize(3);
            assertThat(target.received()).as("redirects are not followed").isEmpty();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void slackEndpointsGetASlackMessageInsteadOfTheEnvelope() throws Exception {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        try (HookReceiver receiver = new HookReceiver()) {
            // a real Slack URL cannot point at the test receiver: the row is written as the API would for hooks.slack.com
            UUID id = UUID.randomUUID();
            tenants.run(admin.organizationId(), () -> Sql.update(tx.getConnection(), """
                insert into webhook_endpoints (id, organization_id, url, kind, event_types, secret_box)
                values (?, ?, ?, 'slack', '{webhook.test}', ?)""", id, admin.organizationId(), receiver.url("/services/T0/B0/x"),
                box.encrypt("whsec_slack")));
            assertThat(api.post("/api/v1/webhooks/" + id + "/test", null, admin.accessToken()).status()).isEqualTo(202);
            HookReceiver.Received request = receiver.await(1).get(0);
            Map<String, Object> body = json.readValue(request.body(), Map.class);
            assertThat(body).containsOnlyKeys("text", "blocks");
            assertThat(body.get("text").toString()).contains("Test event from AgentOps Hub");
            List<Map<String, Object>> blocks = (List<Map<String, Object>>) body.get("blocks");
            assertThat(blocks).extracting(b -> b.get("type")).containsExactly("section", "context");
            assertThat((Map<String, Object>) blocks.get(0).get("text")).containsEntry("type", "mrkdwn");
        }
        var slack = api.post("/api/v1/webhooks", Map.of("url", "https://hooks.slack.com/services/T000/B000/XXXX",
            "event_types", List.of("budget.auto_paused")), admin.accessToken());
        assertThat(slack.status()).as("a hooks.slack.com URL").isEqualTo(201);
        assertThat(slack.data()).containsEntry("kind", "slack");
    }

    @Test
    void badInputIsRefusedWithAMessageAndTheEndpointLimitIsTwenty() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        String url = "http://127.0.0.1:9/hook";
        assertThat(api.post("/api/v1/webhooks", Map.of("url", url, "event_types", List.of()), admin.accessToken()).code())
            .isEqualTo("validation_failed");
        var unknown = api.post("/api/v1/webhooks", Map.of("url", url, "event_types", List.of("run.created")), admin.accessToken());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("error").toString()).contains("event_types");
        assertThat(api.post("/api/v1/webhooks", Map.of("url", "ftp://example.com/x", "event_types", List.of("webhook.test")),
            admin.accessToken()).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/webhooks", Map.of("url", "https://" + "a".repeat(2000) + ".com", "event_types", List.of("webhook.test")),
            admin.accessToken()).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/webhooks", Map.of("url", url, "event_types", List.of("webhook.test"), "description", "d".repeat(501)),
            admin.accessToken()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/webhooks/" + UUID.randomUUID() + "/deliveries?limit=0", admin.accessToken()).status()).isEqualTo(400);

        for (int i = 0; i < WebhookService.MAX_ENDPOINTS; i++) {
            assertThat(create(api, admin, url)).isNotNull();
        }
        var over = api.post("/api/v1/webhooks", Map.of("url", url, "event_types", List.of("webhook.test")), admin.accessToken());
        assertThat(over.status()).isEqualTo(409);
        assertThat(over.code()).isEqualTo("limit_reached");
        String first = api.get("/api/v1/webhooks", admin.accessToken()).list().get(0).get("id").toString();
        assertThat(api.call("DELETE", "/api/v1/webhooks/" + first, null, admin.accessToken()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/webhooks/" + first, admin.accessToken()).status()).isEqualTo(404);
        assertThat(api.call("DELETE", "/api/v1/webhooks/" + first, null, admin.accessToken()).status()).isEqualTo(404);
        assertThat(create(api, admin, url)).as("room again after a delete").isNotNull();
    }

    @Test
    void deliveriesAreListedNewestFirstPageByPage() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        try (HookReceiver receiver = new HookReceiver()) {
            String id = create(api, admin, receiver.url("/paged"));
            for (int i = 0; i < 3; i++) {
                api.post("/api/v1/webhooks/" + id + "/test", null, admin.accessToken());
            }
            receiver.await(3);
            var first = api.get("/api/v1/webhooks/" + id + "/deliveries?limit=2", admin.accessToken());
            assertThat(first.list()).hasSize(2);
            @SuppressWarnings("unchecked")
            String cursor = ((Map<String, Object>) first.body().get("page")).get("next_cursor").toString();
            var second = api.get("/api/v1/webhooks/" + id + "/deliveries?limit=2&cursor=" + cursor, admin.accessToken());
            assertThat(second.list()).hasSize(1);
            assertThat(Instant.parse(first.list().get(1).get("created_at").toString()))
                .isAfterOrEqualTo(Instant.parse(second.list().get(0).get("created_at").toString()));
            assertThat(api.get("/api/v1/webhooks/" + id + "/deliveries?cursor=garbage", admin.accessToken()).status()).isEqualTo(400);
        }
    }

    @Test
    void onlySignedInAdminsManageWebhooksAndOtherOrganizationsSeeNone() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        String id = create(api, admin, "http://127.0.0.1:9/hook");
        for (var caller : api.everyCaller(admin, "read", "admin").entrySet()) {
            int expected = caller.getKey().equals("admin") ? 200 : caller.getKey().equals("anonymous") ? 401 : 403;
            assertThat(api.get("/api/v1/webhooks", caller.getValue()).status()).as(caller.getKey()).isEqualTo(expected);
            assertThat(api.get("/api/v1/webhooks/" + id + "/deliveries", caller.getValue()).status()).as(caller.getKey()).isEqualTo(expected);
            var created = api.post("/api/v1/webhooks", Map.of("url", "http://127.0.0.1:9/x", "event_types", List.of("webhook.test")),
                caller.getValue());
            assertThat(created.status()).as(caller.getKey()).isEqualTo(expected == 200 ? 201 : expected);
        }

        Api.Session stranger = api.signup();
        String other = stranger.accessToken();
        assertThat(api.get("/api/v1/webhooks/" + id, other).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/webhooks/" + id + "/deliveries", other).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/webhooks/" + id + "/test", null, other).status()).isEqualTo(404);
        assertThat(api.call("DELETE", "/api/v1/webhooks/" + id, null, other).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/webhooks", other).list()).isEmpty();
        assertThat(api.get("/api/v1/webhooks/" + id, admin.accessToken()).status()).as("still there").isEqualTo(200);
    }

    private static String create(Api api, Api.Session admin, String url) {
        var created = api.post("/api/v1/webhooks", Map.of("url", url, "event_types", List.of("webhook.test")), admin.accessToken());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.data().get("id").toString();
    }

    static Map<String, Object> awaitDelivery(Api api, Api.Session admin, String webhookId, Predicate<Map<String, Object>> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        List<Map<String, Object>> deliveries = List.of();
        while (Instant.now().isBefore(deadline)) {
            deliveries = api.get("/api/v1/webhooks/" + webhookId + "/deliveries", admin.accessToken()).list();
            if (!deliveries.isEmpty() && done.test(deliveries.get(0))) {
                return deliveries.get(0);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("delivery not in the expected state: " + deliveries);
    }

    static String hmac(String secret, String text) {
        return Signatures.hmacHex(secret, text);
    }
}
