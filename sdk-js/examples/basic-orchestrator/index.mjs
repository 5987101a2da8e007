// A small multi-step agent loop recorded with @agentops/sdk: plan -> tools -> answer -> external action.
// The "model" is a deterministic stand-in so the example runs without any LLM account; it reports
// OpenAI-shaped usage, which the SDK normalises and the server prices (model gpt-4o-mini).
//
// Run (from sdk-js/, after `npm run build`):
//   AGENTOPS_API_KEY=aoh_... AGENTOPS_AGENT_ID=<agent id or slug> node examples/basic-orchestrator/index.mjs
import { AgentOpsClient } from "@agentops/sdk";

const agentops = new AgentOpsClient({
  // apiKey, agentId and baseUrl fall back to AGENTOPS_API_KEY, AGENTOPS_AGENT_ID, AGENTOPS_BASE_URL
  onError: (error) => {
    console.error(`telemetry failed: ${error.message}`);
    process.exitCode = 1;
  },
});

const tools = {
  async search_orders({ customer }) {
    return [{ id: 7, customer, status: "packed" }];
  },
  async shipping_eta({ orderId }) {
    return { orderId, eta: "tomorrow" };
  },
};

/** Stand-in model: decides the next step from what it has seen so far. */
function think(question, observations) {
  const usage = { prompt_tokens: 300 + 50 * observations.length, completion_tokens: 40 };
  if (observations.length === 0) return { tool: "search_orders", args: { customer: "ACME" }, usage };
  if (observations.length === 1) return { tool: "shipping_eta", args: { orderId: observations[0].result[0].id }, usage };
  return { answer: `Order ${observations[1].result.orderId} ships ${observations[1].result.eta}.`, usage };
}

const question = "When does ACME's order ship?";
const runId = await agentops.startRun({ input: { question }, tags: ["example"], metadata: { example: "basic-orchestrator" } });

const observations = [];
let answer;
try {
  for (let step = 0; step < 5 && !answer; step++) {
    const started = Date.now();
    const decision = think(question, observations);
    await agentops.recordLlmCall({
      runId,
      model: "gpt-4o-mini",
      usage: decision.usage,
      request: { question, observations: observations.length },
      response: decision.answer ?? { tool: decision.tool, args: decision.args },
      durationMs: Date.now() - started,
    });
    if (decision.answer) {
      answer = decision.answer;
      break;
    }
    const toolStarted = Date.now();
    let result;
    let error;
    try {
      result = await tools[decision.tool](decision.args);
    } catch (e) {
      error = e;
    }
    await agentops.recordToolCall({
      runId,
      toolName: decision.tool,
      input: decision.args,
      output: result,
      error,
      durationMs: Date.now() - toolStarted,
    });
    observations.push({ tool: decision.tool, result });
  }
  // The effect outside the agent: ask the hub's policies first (allow, block, or wait for a person's approval).
  const email = { type: "email.sent", target: "ops@acme.example", to: "ops@acme.example", subject: "Your order" };
  const check = await agentops.checkPolicy({ runId, action: email });
  if (check.decision === "require_approval") {
    const approval = await check.waitForApproval({ timeoutMs: 10 * 60 * 1000 });
    if (approval.status !== "approved") throw new Error(`e-mail not approved: ${approval.status}`);
  } else if (check.decision === "block") {
    throw new Error(`e-mail blocked by policy: ${check.reasons.map((r) => r.name ?? r.code).join(", ")}`);
  }
  // Tell the customer (here: only recorded, with its own cost). An approved check of this very action is attached.
  await agentops.recordExternalAction({
    runId,
    actionType: "email.sent",
    target: "ops@acme.example",
    payload: { to: "ops@acme.example", subject: "Your order" },
    costUsd: 0.0001,
  });
  await agentops.endRun({ runId, status: "completed", output: { answer } });
} catch (e) {
  await agentops.endRun({ runId, error: e });
}

await agentops.shutdown(); // send everything before the process exits
console.log(JSON.stringify({ run_id: runId, answer, paused: agentops.isPaused }));
