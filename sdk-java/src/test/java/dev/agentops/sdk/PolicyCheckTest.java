package dev.agentops.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentops.sdk.core.AgentOpsException;
import dev.agentops.sdk.core.PermissionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** checkPolicy and waitForApproval against a local stand-in: what is sent and how answers are read. */
class PolicyCheckTest {

    private static final String APPROVAL = "5b7c1c9e-0000-4000-8000-000000000001";

    private StubServer server;
    private final List<AgentOpsException> errors = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new StubServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private AgentOpsClient.Builder client() {
        return AgentOpsClient.builder().apiKey("aoh_test").agentId("bot").baseUrl(server.url())
            .flushAt(1000).flushInterval(Duration.ofHours(1)).sleeper(d -> { }).onError(errors::add);
    }

    private void requireApproval() {
        server.reply(200, "{\"data\":{\"decision\":\"require_approval\",\"reasons\":[{\"code\":\"policy\",\"policy_id\":"
            + "\"p1\",\"version\":2,\"name\":\"Discounts\",\"decision\":\"require_approval\"}],\"approval\":{\"id\":\""
            + APPROVAL + "\",\"status\":\"pending\",\"expires_at\":\"" + Instant.now().plusSeconds(3600) + "\"}}}", Map.of());
    }

    private void waitAnswer(String status) {
        boolean decided = !"pending".equals(status);
        server.reply(200, "{\"data\":{\"id\":\"" + APPROVAL + "\",\"status\":\"" + status + "\",\"comment\":"
            + (decided ? "\"ok\"" : "null") + ",\"decided_by\":" + (decided ? "\"u1\"" : "null") + "}}", Map.of());
    }

    @Test
    void postsTheCheckAsCanonicalJsonAndReadsTheAnswer() {
        requireApproval();
        try (AgentOpsClient client = client().build()) {
            PolicyCheck check = client.checkPolicy("run-1", Map.of("type", "apply_discount", "discount_percent", 15),
                Map.of("tier", "gold"));
            StubServer.Recorded sent = server.requests.get(0);
            assertEquals("/api/v1/policies/check", sent.path());
            assertEquals("{\"action\":{\"discount_percent\":15,\"type\":\"apply_discount\"},\"agent_id\":\"bot\","
                + "\"context\":{\"tier\":\"gold\"},\"run_id\":\"run-1\"}", sent.raw());
            assertEquals(Decision.REQUIRE_APPROVAL, check.decision());
            assertEquals(APPROVAL, check.approvalId());
            assertEquals(new PolicyReason("policy", "p1", 2, "Discounts", Decision.REQUIRE_APPROVAL, null),
                check.reasons().get(0));
        }
    }

    @Test
    void waitsAgainWhilePendingAtMostSixtySecondsPerRequest() {
        requireApproval();
        waitAnswer("pending");
        waitAnswer("pending");
        waitAnswer("approved");
        try (AgentOpsClient client = client().build()) {
            PolicyCheck check = client.checkPolicy("run-1", Map.of("type", "refund"));
            assertEquals(new ApprovalResult(ApprovalOutcome.APPROVED, "ok", "u1"),
                check.waitForApproval(Duration.ofMinutes(10)));
        }
        List<StubServer.Recorded> waits = server.requests.stream().filter(r -> r.path().endsWith("/wait")).toList();
        assertEquals(3, waits.size());
        assertEquals("/api/v1/approvals/" + APPROVAL + "/wait", waits.get(0).path());
        assertEquals("timeout_s=60", waits.get(0).query());
    }

    @Test
    void stillPendingAfterTheTimeoutIsTimeout() {
        requireApproval();
        waitAnswer("pending");
        try (AgentOpsClient client = client().build()) {
            PolicyCheck check = client.checkPolicy("run-1", Map.of("type", "refund"));
            assertEquals(new ApprovalResult(ApprovalOutcome.TIMEOUT, null, null), check.waitForApproval(Duration.ZERO));
        }
    }

    @Test
    void attachesAnApprovedChecksApprovalToTheSameActionOfTheSameRunOnce() {
        requireApproval();
        waitAnswer("approved");
        try (AgentOpsClient client = client().build()) {
            PolicyCheck check = client.checkPolicy("run-1", Map.of("type", "refund", "target", "order-7", "amount", 50),
                Map.of("currency", "EUR"));
            assertTrue(check.waitForApproval().approved());
            client.recordExternalAction("run-2", "refund", "order-7", Map.of("amount", 50, "currency", "EUR"));
            client.recordExternalAction("run-1", "refund", "order-7", Map.of("amount", 500, "currency", "EUR"));
            client.recordExternalAction("run-1", "refund", "order-7", Map.of("currency", "EUR", "amount", 50.0));
            client.recordExternalAction("run-1", "refund", "order-7", Map.of("amount", 50, "currency", "EUR"));
            client.flush();
        }
        List<String> sent = new ArrayList<>();
        for (StubServer.Recorded ingest : server.ingests()) {
            for (JsonNode event : ingest.body().path("events")) {
                sent.add(ingest.body().path("run_id").asText() + " " + event.path("payload").path("payload").path("amount")
                    .asDouble() + " " + event.path("payload").path("approval_id").asText("none"));
            }
        }
        assertEquals(List.of("run-2 50.0 none", "run-1 500.0 none", "run-1 50.0 " + APPROVAL, "run-1 50.0 none"), sent);
    }

    @Test
    void unreachableAnswersBlockByDefaultOrAllowWhenOpenStrictOrNot() {
        String down = server.url();
        server.close();
        for (PolicyFailMode mode : new PolicyFailMode[] {PolicyFailMode.CLOSED, PolicyFailMode.OPEN}) {
            for (boolean strict : new boolean[] {false, true}) {
                errors.clear();
                try (AgentOpsClient client = client().baseUrl(down).maxRetries(1).policyFailMode(mode).strict(strict)
                    .build()) {
                    PolicyCheck check = client.checkPolicy("run-1", Map.of("type", "send_email"));
                    assertEquals(mode == PolicyFailMode.OPEN ? Decision.ALLOW : Decision.BLOCK, check.decision());
                    assertEquals("unreachable", check.reasons().get(0).code());
                    assertNull(check.approvalId());
                    assertEquals(1, errors.size());
                }
            }
        }
    }

    @Test
    void aRefusedCheckAnswersByTheFailModeUnlessStrict() {
        String forbidden = "{\"error\":\"scope policies:check needed\",\"code\":\"forbidden\"}";
        server.reply(403, forbidden, Map.of());
        server.reply(403, forbidden, Map.of());
        try (AgentOpsClient client = client().build()) {
            PolicyCheck check = client.checkPolicy(null, Map.of("type", "x"));
            assertEquals(Decision.BLOCK, check.decision());
            assertEquals("forbidden", check.reasons().get(0).code());
        }
        try (AgentOpsClient client = client().strict(true).build()) {
            assertThrows(PermissionException.class, () -> client.checkPolicy(null, Map.of("type", "x")));
        }
    }

    @Test
    void theActionKeysFollowTheHashRuleOfTheDocs() {
        try (AgentOpsClient client = client().build()) {
            String checked = client.checkedActionKey(Map.of("type", " apply_discount ", "target", "customer-42",
                "discount_percent", 15), Map.of("discount_percent", 5, "tier", "gold"));
            assertEquals("{\"discount_percent\":15,\"target\":\"customer-42\",\"tier\":\"gold\",\"type\":\"apply_discount\"}",
                checked);
            assertEquals(checked, client.performedActionKey(ExternalAction.of("apply_discount", "customer-42",
                Map.of("tier", "gold", "discount_percent", 15.0))));
            assertNull(client.performedActionKey(ExternalAction.of("apply_discount", null, "text")));
        }
    }
}
