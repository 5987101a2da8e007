// The specification's policy example: ask the hub before a risky action, wait for a person's approval when a policy
// asks for one, act, and record the action (the approval travels with it by itself).
//
// Run (from sdk-js/, after `npm run build`), with an API key with the scopes ingest and policies:check, and a policy
// that holds send_discount for approval (see README.md):
//   AGENTOPS_API_KEY=aoh_... AGENTOPS_AGENT_ID=<agent id or slug> node examples/policy-approval/index.mjs
// It prints {"run_id": ...}; approve or reject the request in the web app (/approvals) while it waits.
import { AgentOpsClient } from '@agentops/sdk';

const client = new AgentOpsClient({
  // apiKey, agentId and baseUrl fall back to AGENTOPS_API_KEY, AGENTOPS_AGENT_ID, AGENTOPS_BASE_URL
  onError: (error) => {
    console.error(`AgentOps: ${error.message}`);
    process.exitCode = 1;
  },
});

// example:begin
async function sendDiscount(runId) {
  const check = await client.checkPolicy({ runId, action: { type: 'send_discount', discount_percent: 15 }, context: {} });
  if (check.decision === 'block') return;
  if (check.decision === 'require_approval') { const r = await check.waitForApproval({ timeoutMs: 60000 }); if (r.status !== 'approved') return; }
  await client.recordExternalAction({ runId, actionType: 'send_discount', payload: { discount_percent: 15 } });
}
// example:end

const runId = await client.startRun({ input: { customer: 'customer-7' }, tags: ['example'], metadata: { example: 'policy-approval' } });
try {
  await sendDiscount(runId);
  await client.endRun({ runId, status: 'completed' });
} catch (error) {
  await client.endRun({ runId, error });
}
await client.shutdown(); // send everything before the process exits
console.log(JSON.stringify({ run_id: runId }));
