package dev.agentops.hub.notifications;

import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.HookReceiver;
import dev.agentops.hub.support.OutboxMail;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.agentops.hub.notifications.NotificationsApiTest.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A check that opens an approval request tells the people who may decide it: one bell notification, an e-mail to each
 * eligible approver (team leads and admins; never a plain member), a delivery to each endpoint subscribed to
 * {@code approval.requested} — and a retried check that reuses the pending request tells nobody twice.
 */
@MicronautTest(transactional = false)
class ApprovalNotificationTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("agentops.webhooks.allow-private", "true", "micronaut.http.client.read-timeout", "60s");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOpenedApprovalReachesTheBellTheEligibleApproversAndSubscribedWebhooksOnce() throws Exception {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        Api.Session lead = api.member(admin, "team_lead");
        Api.Session member = api.member(admin, "member");
        api.post("/api/v1/agents", Map.of("name", "Sales bot", "slug", "sales-bot"), admin.accessToken());
        String key = api.apiKey(admin, "policies:check");
        try (HookReceiver receiver = new HookReceiver()) {
            assertThat(api.post("/api/v1/webhooks", Map.of("url", receiver.url("/approvals"), "event_types", List.of("approval.requested")),
                admin.accessToken()).status()).isEqualTo(201);
            assertThat(api.post("/api/v1/policies", Map.of("name", "Big discounts", "rule_definition", Map.of("type", "conditional",
                "conditions", List.of(Map.of("field", "action.discount_percent", "operator", "greater_than", "value", 10)),
                "action", "require_approval", "approval_required_from", List.of("role:team_lead"))), admin.accessToken()).status())
                .isEqualTo(201);

            Map<String, Object> check = Map.of("run_id", "run-approval-notify", "agent_id", "sales-bot",
                "action", Map.of("type", "apply_discount", "discount_percent", 15));
            var answer = api.post("/api/v1/policies/check", check, key);
            assertThat(answer.data()).containsEntry("decision", "require_approval");
            String approval = ((Map<String, Object>) answer.data().get("approval")).get("id").toString();

            await(() -> api.get("/api/v1/notifications", lead.accessToken()).list().size() == 1, "the approval notification");
            Map<String, Object> notification = api.get("/api/v1/notifications", lead.accessToken()).list().get(0);
            assertThat(notification).containsEntry("type", "approval.requested").containsEntry("severity", "warning")
                .containsEntry("link", "/approvals?approval=" + approval)
                .containsEntry("title", "Approval needed: Sales bot wants to apply_discount");
            assertThat((Map<String, Object>) notification.get("data")).containsEntry("approval_id", approval)
                .containsEntry("policy_name", "Big discounts");

            await(() -> OutboxMail.to(lead.email(), "Approval needed").size() == 1
                && OutboxMail.to(admin.email(), "Approval needed").size() == 1, "e-mails to the team lead and the admin");
            assertThat(OutboxMail.to(lead.email(), "Approval needed").get(0)).contains("/approvals?approval=" + approval);
            assertThat(OutboxMail.to(member.email(), "Approval needed")).as("a member cannot decide: not told").isEmpty();

            HookReceiver.Received delivery = receiver.await(1).get(0);
            Map<String, Object> body = json.readValue(delivery.body(), Map.class);
            assertThat(body).containsEntry("type", "approval.requested").containsEntry("id", approval);

            // the same check again gets the same pending request back: nobody is told twice
            assertThat(((Map<String, Object>) api.post("/api/v1/policies/check", check, key).data().get("approval")).get("id"))
                .isEqualTo(approval);
            Thread.sleep(1500);
            assertThat(api.get("/api/v1/notifications", lead.accessToken()).list()).hasSize(1);
            assertThat(OutboxMail.to(lead.email(), "Approval needed")).hasSize(1);
            assertThat(receiver.received()).hasSize(1);
        }
    }
}
