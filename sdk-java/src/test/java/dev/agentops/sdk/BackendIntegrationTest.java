package dev.agentops.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.agentops.examples.approval.PolicyApprovalExample;
import dev.agentops.examples.openai.OpenAiExample;
import dev.agentops.sdk.core.AgentPausedException;
import dev.agentops.sdk.core.AuthenticationException;
import dev.agentops.sdk.core.NotFoundException;
import dev.agentops.sdk.core.PermissionException;
import dev.agentops.sdk.generated.api.RunsApi;
import dev.agentops.examples.openai.TrackedOpenAi;
import dev.agentops.examples.orchestrator.OrchestratorExample;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SDK and its examples against the real backend: starts {@code backend/target/agentops-hub.jar} (embedded
 * PostgreSQL in a temporary data folder) on a free port, signs up, creates an agent and an ingest+read+policies:check key.
 */
class BackendIntegrationTest {

    private static RealBackend backend;
    private static String baseUrl;
    private static String adminToken;
    private static String agentSlug;
    private static String apiKey;

    @BeforeAll
    static void startBackend() throws Exception {
        backend = RealBackend.start();
        baseUrl = backend.baseUrl();
        adminToken = backend.adminToken();
        agentSlug = backend.createAgent("SDK test agent", null);
        apiKey = backend.createApiKey(List.of("ingest", "read", "policies:check"));
    }

    @AfterAll
    static void stopBackend() throws Exception {
        if (backend != null) {
            backend.close();
        }
    }

    private AgentOpsClient client(List<Exception> errors) {
        return AgentOpsClient.builder().apiKey(apiKey).agentId(agentSlug).baseUrl(baseUrl).strict(true)
            .onError(errors::add).build();
    }

    @Test
    void recordsARunWithNormalisedUsageAndCost() throws Exception {
        List<Exception> errors = new ArrayList<>();
        String runId;
        try (AgentOpsClient client = client(errors)) {
            runId = client.startRun(Map.of("question", "What is 2+2?"));
            client.recordLlmCall(runId, "gpt-4o", Map.of("prompt_tokens", 1000, "completion_tokens", 200,
                "prompt_tokens_details", Map.of("cached_tokens", 400)));
            client.recordToolCall(runId, "calculator", Map.of("expression", "2+2"), 4);
            client.endRun(runId, RunStatus.COMPLETED, Map.of("answer", "4"), null);
            assertTrue(!client.isPaused());
        }
        assertTrue(errors.isEmpty(), errors.toString());

        JsonNode run = awaitRun(runId, 2);
        assertEquals("completed", run.path("status").asText());
        assertEquals(1000, run.path("input_tokens").asLong());
        assertEquals(200, run.path("output_tokens").asLong());
        assertEquals(400, run.path("cache_read_tokens").asLong());
        assertEquals(0, new BigDecimal("0.004").compareTo(run.path("cost_usd").decimalValue()), run.toString());
        JsonNode events = get("/api/v1/runs/" + run.path("id").asText()).path("data").path("events");
        assertEquals(2, events.size(), events.toString());
        // timestamps have millisecond precision (as in JavaScript): events of the same millisecond come in any order
        JsonNode llm = null;
        JsonNode tool = null;
        for (JsonNode event : events) {
            if (event.path("event_type").asText().equals("llm_call")) {
                llm = event;
            } else if (event.path("event_type").asText().equals("tool_call")) {
                tool = event;
            }
        }
        assertNotNull(llm, events.toString());
        assertNotNull(tool, events.toString());
        assertEquals("gpt-4o", llm.path("model").asText());
        assertEquals("calculator", tool.path("payload").path("tool_name").asText());

        try (AgentOpsClient client = client(errors)) {
            var page = new RunsApi(client.lowLevel()).listRuns(null, null, null, null, null, null, null, null, runId, null, null);
            assertEquals(run.path("id").asText(), page.getData().get(0).getId().toString());
        }
    }

    @Test
    void errorsFromTheRealApiAreTyped() {
        AgentOpsClient badKey = AgentOpsClient.builder().apiKey("aoh_" + "x".repeat(40)).agentId(agentSlug)
            .baseUrl(baseUrl).strict(true).onError(e -> { }).build();
        badKey.startRun();
        AuthenticationException unauthenticated = assertThrows(AuthenticationException.class, badKey::close);
        assertEquals(401, unauthenticated.status());
        assertNotNull(unauthenticated.requestId());
        assertTrue(unauthenticated.getMessage().contains(unauthenticated.requestId()), unauthenticated.getMessage());

        try (AgentOpsClient client = client(new ArrayList<>())) {
            PermissionException forbidden = assertThrows(PermissionException.class,
                () -> client.http().post("/api/v1/agents", Map.of("name", "not allowed")));
            assertEquals("forbidden", forbidden.code());
            NotFoundException missing = assertThrows(NotFoundException.class,
                () -> client.http().get("/api/v1/runs/" + UUID.randomUUID()));
            assertNotNull(missing.requestId());
        }
    }

    @Test
    void orchestratorExampleRecordsEveryStep() throws Exception {
        List<Exception> errors = new ArrayList<>();
        String runId;
        try (AgentOpsClient client = client(errors)) {
            runId = OrchestratorExample.run(client, "Refund order #4411 if it has not shipped");
        }
        assertTrue(errors.isEmpty(), errors.toString());
        JsonNode run = awaitRun(runId, 6);
        assertEquals("completed", run.path("status").asText());
        assertEquals(830, run.path("input_tokens").asLong());
        List<String> types = new ArrayList<>();
        get("/api/v1/runs/" + run.path("id").asText()).path("data").path("events")
            .forEach(event -> types.add(event.path("event_type").asText()));
        // events of the same millisecond come in any order
        java.util.Collections.sort(types);
        // the policy check before the refund is recorded on the run too (no policy: allow)
        assertEquals(List.of("external_action", "llm_call", "llm_call", "policy_check", "tool_call", "tool_call"), types);
    }

    @Test
    void openAiExampleRecordsTheCompletionsModelAndUsage() throws Exception {
        HttpServer openAi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> seenAuth = new ArrayList<>();
        openAi.createContext("/v1/chat/completions", exchange -> {
            seenAuth.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1764000000,\"model\":\"gpt-4o-2024-08-06\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hello there, nice to meet!\"},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1000,\"completion_tokens\":200,"
                + "\"total_tokens\":1200,\"prompt_tokens_details\":{\"cached_tokens\":400}}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        openAi.start();
        List<Exception> errors = new ArrayList<>();
        String runId;
        try (AgentOpsClient client = client(errors);
             TrackedOpenAi tracked = new TrackedOpenAi("http://127.0.0.1:" + openAi.getAddress().getPort() + "/v1",
                 "sk-test", client)) {
            runId = OpenAiExample.run(client, tracked, "gpt-4o", "Say hello in five words.");
        } finally {
            openAi.stop(0);
        }
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(List.of("Bearer sk-test"), seenAuth);
        JsonNode run = awaitRun(runId, 1);
        assertEquals("completed", run.path("status").asText());
        assertEquals(400, run.path("cache_read_tokens").asLong());
        assertEquals(0, new BigDecimal("0.004").compareTo(run.path("cost_usd").decimalValue()), run.toString());
        JsonNode events = get("/api/v1/runs/" + run.path("id").asText()).path("data").path("events");
        assertEquals("gpt-4o-2024-08-06", events.get(0).path("model").asText());
    }

    @Test
    void aRunningAgentSeesIsPausedFlipWithinASecondWithoutMakingCalls() throws Exception {
        JsonNode agent = post("/api/v1/agents", adminToken, Map.of("name", "Paused while running", "type", "custom"));
        String id = agent.findValue("id").asText();
        String slug = agent.findValue("slug").asText();
        List<Exception> errors = new ArrayList<>();
        List<String> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicLong onPauseAt = new java.util.concurrent.atomic.AtomicLong();
        try (AgentOpsClient client = AgentOpsClient.builder().apiKey(apiKey).agentId(slug).baseUrl(baseUrl)
            .onError(errors::add).onPause((paused, reason) -> {
                changes.add(paused + ":" + reason);
                if (paused) {
                    onPauseAt.set(System.nanoTime());
                }
            }).build()) {
            String runId = client.startRun();
            assertTrue(!client.isPaused());
            Thread.sleep(300); // the long-poll reaches the server and is held there
            post("/api/v1/controls/pause-agent/" + id, adminToken, Map.of("reason", "runaway costs"));
            long pausedAt = System.nanoTime();
            while (!client.isPaused() && System.nanoTime() - pausedAt < 5_000_000_000L) {
                Thread.sleep(5);
            }
            assertTrue(client.isPaused(), "not paused after 5 s");
            // the held status read is answered by the pause: from the pause's 200 to onPause, at most a second
            long millis = (onPauseAt.get() - pausedAt) / 1_000_000;
            assertTrue(millis <= 1000, "onPause " + millis + " ms after the pause");
            assertEquals("runaway costs", client.pausedReason(slug));
            assertEquals(PauseSource.PERSON, client.pauseSource(slug));

            post("/api/v1/controls/resume-agent/" + id, adminToken, Map.of("reason", "budget raised"));
            long resumedAt = System.nanoTime();
            while (client.isPaused() && System.nanoTime() - resumedAt < 5_000_000_000L) {
                Thread.sleep(10);
            }
            assertTrue(!client.isPaused());
            client.endRun(runId, RunStatus.COMPLETED, null, null);
        }
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(List.of("true:runaway costs", "false:null"), changes);
    }

    @Test
    void strictStartRunOnAPausedAgentThrowsAgentPausedException() throws Exception {
        JsonNode agent = post("/api/v1/agents", adminToken, Map.of("name", "Paused before the run", "type", "custom"));
        String slug = agent.findValue("slug").asText();
        post("/api/v1/controls/pause-agent/" + agent.findValue("id").asText(), adminToken, Map.of("reason", "on hold"));
        try (AgentOpsClient client = AgentOpsClient.builder().apiKey(apiKey).agentId(slug).baseUrl(baseUrl).strict(true)
            .build()) {
            AgentPausedException paused = assertThrows(AgentPausedException.class, client::startRun);
            assertEquals("agent_paused", paused.code());
            assertTrue(paused.getMessage().contains("on hold"), paused.getMessage());
            assertTrue(client.isPaused());
        }
        try (AgentOpsClient lenient = AgentOpsClient.builder().apiKey(apiKey).agentId(slug).baseUrl(baseUrl).strict(false)
            .build()) {
            String runId = lenient.startRun();
            assertTrue(lenient.isPaused());
            lenient.endRun(runId, RunStatus.CANCELLED, null, "paused");
        }
    }

    @Test
    void budgetStatusTurnsExceededOnceTheAgentsSpendReachesItsBudget() throws Exception {
        JsonNode agent = post("/api/v1/agents", adminToken, Map.of("name", "Spender", "type", "custom"));
        String slug = agent.findValue("slug").asText();
        post("/api/v1/budgets", adminToken, Map.of("name", "Tiny", "scope", "agent", "agent_id", agent.findValue("id").asText(),
            "max_amount_usd", 0.000001, "period", "monthly"));
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (AgentOpsClient client = AgentOpsClient.builder().apiKey(apiKey).agentId(slug).baseUrl(baseUrl)
            .onBudgetStatus((status, who) -> seen.add(status + ":" + who)).build()) {
            String runId = client.startRun();
            assertEquals(BudgetStatus.OK, client.budgetStatus());
            client.recordLlmCall(runId, "gpt-4o", Map.of("prompt_tokens", 1000, "completion_tokens", 200));
            client.flush();
            long processed = System.nanoTime() + 30_000_000_000L;
            while (get("/api/v1/runs?external_reference=" + runId).path("data").size() == 0 && System.nanoTime() < processed) {
                Thread.sleep(100);
            }
            // the worker's rollup reaches the server's budget cache within about a second
            long deadline = System.nanoTime() + 15_000_000_000L;
            while (client.budgetStatus() != BudgetStatus.EXCEEDED && System.nanoTime() < deadline) {
                client.recordToolCall(runId, "spend-check", null, null);
                client.flush();
                Thread.sleep(200);
            }
            assertEquals(BudgetStatus.EXCEEDED, client.budgetStatus());
            assertEquals(BudgetStatus.EXCEEDED, client.budgetStatus(slug));
            client.endRun(runId, RunStatus.COMPLETED, null, null);
        }
        assertEquals(List.of("EXCEEDED:" + slug), seen);
    }

    /** Polls GET /runs?external_reference= until the run is final and has its events. */
    // ---- checkPolicy / waitForApproval ------------------------------------------------------------------------

    private AgentOpsClient lenient() {
        return AgentOpsClient.builder().apiKey(apiKey).agentId(agentSlug).baseUrl(baseUrl).onError(e -> { }).build();
    }

    /** An active conditional policy on one action type, created by the admin (who may manage policies). */
    private static String policyOn(String actionType, String action, Map<String, Object> extra) throws Exception {
        List<Object> conditions = new ArrayList<>();
        conditions.add(Map.of("field", "action.type", "operator", "equals", "value", actionType));
        if (extra != null) {
            conditions.add(extra);
        }
        Map<String, Object> rule = new java.util.LinkedHashMap<>();
        rule.put("type", "conditional");
        rule.put("conditions", conditions);
        rule.put("action", action);
        if ("require_approval".equals(action)) {
            rule.put("approval_required_from", List.of("role:team_lead"));
            rule.put("timeout_minutes", 60);
        }
        return post("/api/v1/policies", adminToken, Map.of("name", action + " " + actionType, "rule_definition", rule))
            .path("data").path("id").asText();
    }

    /** Approves or rejects as the organization's admin (admin satisfies role:team_lead) after half a second. */
    private static Thread decideLater(String approvalId, String verdict, String comment) {
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(500);
                post("/api/v1/approvals/" + approvalId + "/" + verdict, adminToken, Map.of("comment", comment));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        thread.start();
        return thread;
    }

    /** The pending approval of this run and action type, once a check opened it (as an approver sees the queue). */
    private static String pendingApproval(String runId, String actionType) throws Exception {
        for (int i = 0; i < 150; i++) {
            for (JsonNode approval : get("/api/v1/approvals/pending").path("data")) {
                if (runId.equals(approval.path("run_id").asText()) && actionType.equals(approval.path("action_type").asText())) {
                    return approval.path("id").asText();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no pending approval for " + runId + " " + actionType);
    }

    private static JsonNode externalAction(String runId, int events, String approvalId) throws Exception {
        JsonNode run = awaitRun(runId, events);
        for (JsonNode event : get("/api/v1/runs/" + run.path("id").asText()).path("data").path("events")) {
            if ("external_action".equals(event.path("event_type").asText())
                && (approvalId == null || approvalId.equals(event.path("payload").path("approval_id").asText(null)))) {
                return event;
            }
        }
        throw new AssertionError("no external_action with approval " + approvalId + " in run " + runId);
    }

    @Test
    void checkPolicyAllowsAnActionNoPolicyMatches() {
        try (AgentOpsClient client = lenient()) {
            PolicyCheck check = client.checkPolicy(client.startRun(), Map.of("type", "send_report"), Map.of("pages", 3));
            assertEquals(Decision.ALLOW, check.decision());
            assertEquals(null, check.approvalId());
            assertEquals(ApprovalOutcome.APPROVED, check.waitForApproval().status());
        }
    }

    @Test
    void checkPolicyBlocksWhatABlockPolicyMatchesNamingThePolicy() throws Exception {
        String policyId = policyOn("drop_table", "block", null);
        try (AgentOpsClient client = lenient()) {
            PolicyCheck check = client.checkPolicy(client.startRun(), Map.of("type", "drop_table", "name", "orders"));
            assertEquals(Decision.BLOCK, check.decision());
            assertEquals(1, check.reasons().size());
            assertEquals("policy", check.reasons().get(0).code());
            assertEquals(policyId, check.reasons().get(0).policyId());
            assertEquals(Decision.BLOCK, check.reasons().get(0).decision());
            assertEquals(null, check.approvalId());
        }
    }

    @Test
    void approvedByATeamLeadThenRecordExternalActionCarriesAndConsumesTheApproval() throws Exception {
        policyOn("grant_discount", "require_approval",
            Map.of("field", "action.discount_percent", "operator", "greater_than", "value", 10));
        String runId;
        PolicyCheck check;
        try (AgentOpsClient client = lenient()) {
            runId = client.startRun();
            check = client.checkPolicy(runId, Map.of("type", "grant_discount", "target", "customer-42",
                "discount_percent", 15), Map.of("currency", "EUR"));
            assertEquals(Decision.REQUIRE_APPROVAL, check.decision());
            assertNotNull(check.approvalId());
            Thread approver = decideLater(check.approvalId(), "approve", "ok for gold customers");
            ApprovalResult result = check.waitForApproval(Duration.ofSeconds(30));
            approver.join();
            assertEquals(ApprovalOutcome.APPROVED, result.status());
            assertEquals("ok for gold customers", result.comment());
            assertNotNull(result.decidedBy());
            // the same action (context included, 15 spelled 15.0): the SDK attaches the approval
            client.recordExternalAction(runId, "grant_discount", "customer-42",
                Map.of("discount_percent", 15.0, "currency", "EUR"));
            client.endRun(runId, RunStatus.COMPLETED, null, null);
        }
        JsonNode approval = get("/api/v1/approvals/" + check.approvalId()).path("data");
        assertEquals("approved", approval.path("status").asText());
        assertTrue(approval.hasNonNull("consumed_at"), approval.toString());
        // policy_check, approval_requested, approval_decided, external_action
        externalAction(runId, 4, check.approvalId());
    }

    @Test
    void aDifferentActionIsNotGivenTheApprovalAndAnExplicitOneIsSentAsIs() throws Exception {
        policyOn("pay_out", "require_approval", null);
        String runId;
        PolicyCheck check;
        try (AgentOpsClient client = lenient()) {
            runId = client.startRun();
            check = client.checkPolicy(runId, Map.of("type", "pay_out", "amount", 50));
            Thread approver = decideLater(check.approvalId(), "approve", "fine");
            assertEquals(ApprovalOutcome.APPROVED, check.waitForApproval(Duration.ofSeconds(30)).status());
            approver.join();
            client.recordExternalAction(runId, "pay_out", null, Map.of("amount", 500));
            client.recordExternalAction(runId, ExternalAction.of("pay_out", null, Map.of("amount", 50))
                .withApprovalId(check.approvalId()));
            client.endRun(runId, RunStatus.COMPLETED, null, null);
        }
        externalAction(runId, 5, check.approvalId());
        List<String> approvals = new ArrayList<>();
        for (JsonNode event : get("/api/v1/runs/" + awaitRun(runId, 5).path("id").asText()).path("data").path("events")) {
            if ("external_action".equals(event.path("event_type").asText())) {
                approvals.add(event.path("payload").path("payload").path("amount").asInt() + "=" + event.path("payload").path("approval_id")
                    .asText("none"));
            }
        }
        java.util.Collections.sort(approvals);
        assertEquals(List.of("500=none", "50=" + check.approvalId()), approvals); // sorted: "500" < "50="
        assertTrue(get("/api/v1/approvals/" + check.approvalId()).path("data").hasNonNull("consumed_at"));
    }

    @Test
    void aRejectedRequestEndsRejectedWithTheComment() throws Exception {
        policyOn("wire_money", "require_approval", null);
        try (AgentOpsClient client = lenient()) {
            PolicyCheck check = client.checkPolicy(client.startRun(), Map.of("type", "wire_money", "amount", 9000));
            Thread approver = decideLater(check.approvalId(), "reject", "too much");
            ApprovalResult result = check.waitForApproval(Duration.ofSeconds(30));
            approver.join();
            assertEquals(new ApprovalResult(ApprovalOutcome.REJECTED, "too much", result.decidedBy()), result);
            assertNotNull(result.decidedBy());
        }
    }

    @Test
    void aWaitLongerThanItsTimeoutWithoutADecisionEndsTimeout() throws Exception {
        policyOn("close_account", "require_approval", null);
        try (AgentOpsClient client = lenient()) {
            PolicyCheck check = client.checkPolicy(client.startRun(), Map.of("type", "close_account"));
            long started = System.nanoTime();
            assertEquals(new ApprovalResult(ApprovalOutcome.TIMEOUT, null, null),
                check.waitForApproval(Duration.ofMillis(1500)));
            assertTrue(System.nanoTime() - started >= 1_000_000_000L);
            assertEquals("pending", get("/api/v1/approvals/" + check.approvalId()).path("data").path("status").asText());
        }
    }

    @Test
    void anUnreachableServerAnswersBlockByDefaultOrAllowWhenOpenNeverThrowing() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<Exception> errors = new ArrayList<>();
        for (PolicyFailMode mode : new PolicyFailMode[] {null, PolicyFailMode.CLOSED, PolicyFailMode.OPEN}) {
            for (boolean strict : new boolean[] {false, true}) {
                AgentOpsClient.Builder builder = AgentOpsClient.builder().apiKey("aoh_x").agentId("bot")
                    .baseUrl("http://127.0.0.1:" + port).maxRetries(0).strict(strict).onError(errors::add);
                if (mode != null) {
                    builder.policyFailMode(mode);
                }
                try (AgentOpsClient client = builder.build()) {
                    PolicyCheck check = client.checkPolicy("r-1", Map.of("type", "send_email"));
                    assertEquals(mode == PolicyFailMode.OPEN ? Decision.ALLOW : Decision.BLOCK, check.decision());
                    assertEquals("unreachable", check.reasons().get(0).code());
                    assertEquals(null, check.approvalId());
                }
            }
        }
        assertTrue(errors.size() >= 6, errors.toString());
    }

    // README:policy-example begin
    static void discountWithApproval(AgentOpsClient agentops, String runId) {
        PolicyCheck check = agentops.checkPolicy(runId,
            Map.of("type", "apply_discount", "target", "customer-7", "discount_percent", 15));
        if (check.decision() == Decision.REQUIRE_APPROVAL) {
            ApprovalResult approval = check.waitForApproval(Duration.ofHours(1));
            if (!approval.approved()) {
                throw new IllegalStateException("discount not approved: " + approval.status().wire());
            }
        } else if (check.decision() == Decision.BLOCK) {
            throw new IllegalStateException("discount blocked: " + check.reasons());
        }
        applyDiscount("customer-7", 15);
        agentops.recordExternalAction(runId, "apply_discount", "customer-7", Map.of("discount_percent", 15));
    }
    // README:policy-example end

    /** What the README example's stand-in for the real effect did. */
    private static final List<String> APPLIED = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static void applyDiscount(String customer, int percent) {
        APPLIED.add(customer + ":" + percent);
    }

    @Test
    void theReadmePolicyExampleRunsAsDocumented() throws Exception {
        // the README shows exactly the lines between the markers above
        String source = Files.readString(Path.of("src/test/java/dev/agentops/sdk/BackendIntegrationTest.java"));
        String example = source.substring(source.indexOf("// README:policy-example begin\n") + 31,
            source.indexOf("    // README:policy-example end"));
        String shown = example.lines().map(line -> line.length() >= 4 ? line.substring(4) : line.strip())
            .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains(shown), "README.md must show the example verbatim:\n" + shown);
        policyOn("apply_discount", "require_approval",
            Map.of("field", "action.target", "operator", "equals", "value", "customer-7"));
        String runId;
        try (AgentOpsClient agentops = lenient()) {
            runId = agentops.startRun();
            Thread approver = new Thread(() -> {
                try {
                    decideLater(pendingApproval(runId, "apply_discount"), "approve", "yes").join();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            approver.start();
            discountWithApproval(agentops, runId);
            approver.join();
            agentops.endRun(runId, RunStatus.COMPLETED, null, null);
        }
        assertEquals(List.of("customer-7:15"), APPLIED);
        JsonNode action = externalAction(runId, 4, null);
        String approvalId = action.path("payload").path("approval_id").asText();
        assertTrue(get("/api/v1/approvals/" + approvalId).path("data").hasNonNull("consumed_at"));
    }

    @Test
    void policyApprovalExampleRecordsOnlyTheApprovedDiscount() throws Exception {
        // the README shows the example's code as it is (one indent less)
        String source = Files.readString(Path.of("src/examples/java/dev/agentops/examples/approval/PolicyApprovalExample.java"));
        String example = source.substring(source.indexOf("// example:begin\n") + "// example:begin\n".length(),
            source.indexOf("    // example:end"));
        String shown = example.lines().map(line -> line.length() >= 4 ? line.substring(4) : line.strip())
            .collect(java.util.stream.Collectors.joining("\n", "```java\n", "\n```"));
        assertTrue(Files.readString(Path.of("README.md")).contains(shown), "README.md must show the example as it is:\n" + shown);
        policyOn("send_discount", "require_approval",
            Map.of("field", "action.discount_percent", "operator", "greater_than", "value", 10));
        for (String verdict : List.of("approve", "reject")) {
            String runId;
            List<Exception> errors = new ArrayList<>();
            try (AgentOpsClient client = client(errors)) {
                java.util.concurrent.CompletableFuture<String> run =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> PolicyApprovalExample.run(client));
                String approvalId = null;
                for (int i = 0; i < 150 && approvalId == null; i++) {
                    for (JsonNode approval : get("/api/v1/approvals/pending").path("data")) {
                        if ("send_discount".equals(approval.path("action_type").asText())) {
                            approvalId = approval.path("id").asText();
                        }
                    }
                    Thread.sleep(200);
                }
                assertNotNull(approvalId, "the example opened no approval request");
                decideLater(approvalId, verdict, verdict + "d by the test").join();
                runId = run.get(60, java.util.concurrent.TimeUnit.SECONDS);
                JsonNode approval = get("/api/v1/approvals/" + approvalId).path("data");
                assertEquals(runId, approval.path("run_id").asText());
                assertEquals(verdict.equals("approve") ? "approved" : "rejected", approval.path("status").asText());
                assertEquals(Map.of("type", "send_discount", "discount_percent", 15),
                    new com.fasterxml.jackson.databind.ObjectMapper().convertValue(approval.path("action"), Map.class));
                client.flush();
                // the check, the request and its decision on the run; approved, the discount too
                JsonNode recorded = awaitRun(runId, verdict.equals("approve") ? 4 : 3);
                List<String> types = new ArrayList<>();
                for (JsonNode event : get("/api/v1/runs/" + recorded.path("id").asText()).path("data").path("events")) {
                    types.add(event.path("event_type").asText());
                    if ("external_action".equals(event.path("event_type").asText())) {
                        assertEquals(approvalId, event.path("payload").path("approval_id").asText());
                    }
                }
                java.util.Collections.sort(types);
                List<String> expected = verdict.equals("approve")
                    ? List.of("approval_decided", "approval_requested", "external_action", "policy_check")
                    : List.of("approval_decided", "approval_requested", "policy_check");
                assertEquals(expected, types);
                assertEquals(verdict.equals("approve"), get("/api/v1/approvals/" + approvalId).path("data").hasNonNull("consumed_at"));
            }
            assertTrue(errors.isEmpty(), errors.toString());
        }
    }

    private static JsonNode awaitRun(String runId, int events) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        JsonNode last = null;
        while (System.currentTimeMillis() < deadline) {
            JsonNode data = get("/api/v1/runs?external_reference=" + runId).path("data");
            if (data.size() == 1) {
                last = data.get(0);
                if (!"running".equals(last.path("status").asText())
                    && get("/api/v1/runs/" + last.path("id").asText()).path("data").path("events").size() == events) {
                    assertEquals(runId, last.path("external_reference").asText());
                    return last;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + runId + " did not show up complete within 30 s; last seen: " + last);
    }

    private static JsonNode get(String path) throws Exception {
        return backend.get(path);
    }

    private static JsonNode post(String path, String token, Object body) throws Exception {
        return backend.post(path, token, body);
    }

    private static JsonNode send(String method, String path, String token, Object body) throws Exception {
        return backend.send(method, path, token, body);
    }
}
