// A real @agentops/sdk agent process for browser flows (the built SDK, dist/): started by a flow script, it opens a run
// for its agent and keeps it open, so the SDK holds its long-polling status read, and prints one JSON line per change:
//   {"status":"active"|"paused","halted":bool,"source":...,"reason":...,"at":<epoch ms when the SDK told it>}
// and {"error": "..."} for telemetry failures (on stderr). Ends its run and flushes on SIGTERM.
// Usage: node sdk-js/test/support/agent-process.mjs <baseUrl> <apiKey> <agent id or slug>
// Flows that need more of the SDK add commands here rather than re-implementing the SDK: one JSON line on stdin each.
//   {"ask": {"type": ..., ...action}, "context": {...}}: the specification's example in a run of its own (startRun →
//   checkPolicy → waitForApproval → recordExternalAction of the same action when approved → endRun, flushed), printing
//   {"asked":{"run_id","decision","approval_id"},"at"} once the check answered and then
//   {"done":{"run_id","decision","approval":{status,comment,decidedBy}|null,"recorded":bool},"at"}.
import { createInterface } from "node:readline";
import { AgentOpsClient } from "../../dist/index.js";

const [baseUrl, apiKey, agent] = process.argv.slice(2);
if (!baseUrl || !apiKey || !agent) {
  console.error("usage: node sdk-js/test/support/agent-process.mjs <baseUrl> <apiKey> <agent>");
  process.exit(2);
}

const print = (paused) =>
  console.log(
    JSON.stringify({
      status: paused ? "paused" : "active",
      halted: paused && client.pauseSource() === "kill_switch",
      source: client.pauseSource(),
      reason: client.pausedReason(),
      at: Date.now(),
    }),
  );

const client = new AgentOpsClient({
  baseUrl,
  apiKey,
  agentId: agent,
  onPause: (paused) => print(paused),
  onError: (error) => console.error(JSON.stringify({ error: error.message })),
});

const runId = await client.startRun({ input: { started_by: "browser flow" } });
await client.recordToolCall({ runId, toolName: "warm_up", input: {}, output: { ok: true } });
await client.flush();
// the state after startRun's read (onPause only tells changes)
print(client.isPaused);

/** One `ask` command: the specification's checkPolicy → waitForApproval → recordExternalAction, in a run of its own. */
async function ask({ ask: action, context = {} }) {
  const runId = await client.startRun({ input: { asked_by: "browser flow", action } });
  const check = await client.checkPolicy({ runId, action, context });
  console.log(JSON.stringify({ asked: { run_id: runId, decision: check.decision, approval_id: check.approvalId }, at: Date.now() }));
  let approval = null;
  let recorded = false;
  if (check.decision === "require_approval") approval = await check.waitForApproval({ timeoutMs: 120_000 });
  if (check.decision === "allow" || approval?.status === "approved") {
    const { type, ...payload } = action;
    // no approvalId passed: the SDK attaches the approved check's one itself
    await client.recordExternalAction({ runId, actionType: type, payload: { ...context, ...payload } });
    recorded = true;
  }
  await client.endRun({ runId, status: recorded ? "completed" : "cancelled" });
  await client.flush();
  console.log(JSON.stringify({ done: { run_id: runId, decision: check.decision, approval, recorded }, at: Date.now() }));
}

createInterface({ input: process.stdin }).on("line", (line) => {
  if (!line.trim()) return;
  ask(JSON.parse(line)).catch((error) => console.error(JSON.stringify({ error: error.message })));
});

const keepAlive = setInterval(() => {}, 60_000);
process.on("SIGTERM", async () => {
  clearInterval(keepAlive);
  await client.endRun({ runId, status: "cancelled" }).catch(() => {});
  await client.shutdown().catch(() => {});
  process.exit(0);
});
