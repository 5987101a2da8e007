package dev.agentops.examples.approval;

import dev.agentops.sdk.AgentOpsClient;
import dev.agentops.sdk.ApprovalResult;
import dev.agentops.sdk.Decision;
import dev.agentops.sdk.PolicyCheck;
import dev.agentops.sdk.RunStatus;
import dev.agentops.sdk.StartRun;
import java.time.Duration;
import java.util.Map;

/**
 * The specification's policy example: ask the hub before a risky action, wait for a person's approval when a policy
 * asks for one, act, and record the action (the approval travels with it by itself). Needs a policy that holds
 * {@code send_discount} for approval (see the README's "Examples"); approve or reject the request in the web app
 * ({@code /approvals}) while it waits.
 *
 * <p>Run: {@code AGENTOPS_API_KEY=aoh_... AGENTOPS_AGENT_ID=<agent slug> mvn -pl sdk-java test-compile exec:java
 * -Dexec.mainClass=dev.agentops.examples.approval.PolicyApprovalExample -Dexec.classpathScope=test}
 */
public final class PolicyApprovalExample {

    private PolicyApprovalExample() {
    }

    public static void main(String[] args) {
        try (AgentOpsClient client = AgentOpsClient.builder().build()) { // AGENTOPS_API_KEY, _BASE_URL, _AGENT_ID
            System.out.println("recorded run " + run(client));
        }
    }

    /** One run that offers the discount; returns the run id. */
    public static String run(AgentOpsClient client) {
        String runId = client.startRun(StartRun.builder().input(Map.of("customer", "customer-7")).tags("example")
            .metadata("example", "policy-approval").build());
        try {
            sendDiscount(client, runId);
            client.endRun(runId, RunStatus.COMPLETED, null, null);
        } catch (RuntimeException e) {
            client.endRun(runId, RunStatus.FAILED, null, e.toString());
            throw e;
        }
        return runId;
    }

    // example:begin
    static void sendDiscount(AgentOpsClient client, String runId) {
        PolicyCheck check = client.checkPolicy(runId, Map.of("type", "send_discount", "discount_percent", 15), Map.of());
        if (check.decision() == Decision.BLOCK) {
            return;
        }
        if (check.decision() == Decision.REQUIRE_APPROVAL) {
            ApprovalResult r = check.waitForApproval(Duration.ofSeconds(60));
            if (!r.approved()) {
                return;
            }
        }
        client.recordExternalAction(runId, "send_discount", null, Map.of("discount_percent", 15));
    }
    // example:end
}
