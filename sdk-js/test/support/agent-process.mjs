// A real @agentops/sdk agent process for browser flows (the built SDK, dist/): started by a flow script, it opens a run
// for its agent and keeps it open, so the SDK holds its long-polling status read, and prints one JSON line per change:
//   {"status":"active"|"paused","halted":bool,"source":...,"reason":...,"at":<epoch ms when the SDK told it>}
// and {"error": "..."} for telemetry failures (on stderr). Ends its run and flushes on SIGTERM.
// Usage: node sdk-js/test/support/agent-process.mjs <baseUrl> <apiKey> <agent id or slug>
// Flows that need more of the SDK (approvals...) add commands here rather than re-implementing the SDK.
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

const keepAlive = setInterval(() => {}, 60_000);
process.on("SIGTERM", async () => {
  clearInterval(keepAlive);
  await client.endRun({ runId, status: "cancelled" }).catch(() => {});
  await client.shutdown().catch(() => {});
  process.exit(0);
});
