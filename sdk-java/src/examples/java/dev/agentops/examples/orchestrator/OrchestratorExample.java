package dev.agentops.examples.orchestrator;

import dev.agentops.sdk.AgentOpsClient;
import dev.agentops.sdk.ApprovalResult;
import dev.agentops.sdk.Decision;
import dev.agentops.sdk.PolicyCheck;
import dev.agentops.sdk.LlmCall;
import dev.agentops.sdk.RunStatus;
import dev.agentops.sdk.StartRun;
import dev.agentops.sdk.ToolCall;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A multi-step agent loop (plan → tools → policy check → act → answer) that records every step with the SDK. The "model" and the
 * tools are simulated so the example runs without any provider key.
 *
 * <p>Run: {@code AGENTOPS_API_KEY=aoh_... AGENTOPS_AGENT_ID=<agent slug> mvn -pl sdk-java test-compile exec:java
 * -Dexec.mainClass=dev.agentops.examples.orchestrator.OrchestratorExample -Dexec.classpathScope=test}
 */
public final class OrchestratorExample {

    private OrchestratorExample() {
    }

    public static void main(String[] args) {
        String task = args.length > 0 ? String.join(" ", args) : "Refund order #4411 if it has not shipped";
        try (AgentOpsClient client = AgentOpsClient.builder().build()) { // AGENTOPS_API_KEY, _BASE_URL, _AGENT_ID
            String runId = run(client, task);
            System.out.println("recorded run " + runId + (client.isPaused() ? " (the agent is paused)" : ""));
        }
    }

    /** Runs the agent on {@code task}; returns the run id. */
    public static String run(AgentOpsClient client, String task) {
        String runId = client.startRun(StartRun.builder().input(Map.of("task", task)).tags("example", "orchestrator")
            .metadata("example", "orchestrator").build());
        try {
            List<String> plan = List.of("lookup_order", "check_shipping");
            client.recordLlmCall(runId, LlmCall.builder("gpt-4o-mini").request(task).response(Map.of("plan", plan))
                .usage(Map.of("prompt_tokens", 320, "completion_tokens", 45)).build());
            Map<String, Object> facts = new java.util.LinkedHashMap<>();
            for (String tool : plan) {
                if (client.isPaused()) {
                    client.endRun(runId, RunStatus.CANCELLED, null, "agent paused by an operator");
                    return runId;
                }
                long started = System.nanoTime();
                Object result = callTool(tool);
                facts.put(tool, result);
                client.recordToolCall(runId, new ToolCall(tool, Map.of("order", "4411"), result, null,
                    (System.nanoTime() - started) / 1_000_000));
            }
            // ask the hub's policies before the refund; a require_approval waits for a person in the web app
            PolicyCheck check = client.checkPolicy(runId,
                Map.of("type", "issue_refund", "target", "order:4411", "amount_usd", 42.5));
            if (check.decision() == Decision.REQUIRE_APPROVAL) {
                ApprovalResult approval = check.waitForApproval(Duration.ofMinutes(10));
                if (!approval.approved()) {
                    throw new IllegalStateException("refund not approved: " + approval.status().wire());
                }
            } else if (check.decision() == Decision.BLOCK) {
                throw new IllegalStateException("refund blocked by policy: " + check.reasons());
            }
            // the approval of this very action (if one was needed) travels with it by itself
            client.recordExternalAction(runId, "issue_refund", "order:4411", Map.of("amount_usd", 42.5));
            client.recordLlmCall(runId, LlmCall.builder("gpt-4o-mini").request(facts)
                .response("Your refund of $42.50 is on its way.")
                .usage(Map.of("prompt_tokens", 510, "completion_tokens", 30)).build());
            client.endRun(runId, RunStatus.COMPLETED, Map.of("reply", "Your refund of $42.50 is on its way."), null);
        } catch (RuntimeException e) {
            client.endRun(runId, RunStatus.FAILED, null, e.toString());
            throw e;
        }
        return runId;
    }

    private static Object callTool(String tool) {
        return switch (tool) {
            case "lookup_order" -> Map.of("order", "4411", "amount_usd", 42.5);
            case "check_shipping" -> Map.of("shipped", false);
            default -> throw new IllegalArgumentException("unknown tool " + tool);
        };
    }
}
