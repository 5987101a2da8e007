import { execFile } from "node:child_process";
import { createServer, type Server } from "node:http";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AgentOpsClient, AgentPausedError, AuthenticationError } from "../src/index.js";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, post, setUpTenant, startBackend, waitForRun, type Backend, type Tenant } from "./support/backend.js";

// Against the real backend jar (built by the Maven reactor before sdk-js). Never skipped: without the jar it fails.
let backend: Backend;
let tenant: Tenant;

beforeAll(async () => {
  backend = await startBackend();
  tenant = await setUpTenant(backend.baseUrl);
}, 240_000);

afterAll(async () => {
  await backend?.stop();
}, 60_000);

describe("AgentOpsClient against the real backend", () => {
  it("records a run with an LLM call, a tool call and its end; the server prices it", async () => {
    const errors: unknown[] = [];
    const client = new AgentOpsClient({
      apiKey: tenant.apiKey,
      agentId: tenant.agentSlug,
      baseUrl: backend.baseUrl,
      onError: (e) => errors.push(e),
    });
    const runId = await client.startRun({ input: { question: "What ships tomorrow?" }, tags: ["sdk-js"], metadata: { suite: "integration" } });
    await client.recordLlmCall({
      runId,
      model: "gpt-4o",
      usage: { prompt_tokens: 1000, completion_tokens: 200, prompt_tokens_details: { cached_tokens: 400 } },
      input: [{ role: "user", content: "What ships tomorrow?" }],
      output: { content: "The order." },
      durationMs: 1200,
    });
    await client.recordToolCall({ runId, toolName: "lookup_order", input: { id: 7 }, output: { status: "packed" }, durationMs: 30 });
    await client.endRun({ runId, status: "completed", output: { answer: "The order ships tomorrow." } });
    await client.shutdown();
    expect(errors).toEqual([]);
    expect(client.isPaused).toBe(false);

    const { run, events } = await waitForRun(
      backend.baseUrl,
      tenant.token,
      runId,
      (r) => r.status === "completed" && r.input_tokens === 1000,
    );
    expect(run.external_reference).toBe(runId);
    expect(run.agent_id).toBe(tenant.agentId);
    expect(run.status).toBe("completed");
    expect(run.tags).toEqual(["sdk-js"]);
    expect(events.map((e) => e.event_type).sort()).toEqual(["llm_call", "tool_call"]);
    expect(run.input_tokens).toBe(1000);
    expect(run.output_tokens).toBe(200);
    expect(run.cache_read_tokens).toBe(400);
    expect(run.cost_usd).toBeCloseTo(0.004, 10);
    const llm = events.find((e) => e.event_type === "llm_call");
    expect(llm.model).toBe("gpt-4o");
    expect(llm.cost_usd).toBeCloseTo(0.004, 10);
  }, 60_000);

  it("strict mode rejects with AuthenticationError for a bad key; default mode does not throw", async () => {
    const strict = new AgentOpsClient({ apiKey: "aoh_wrong", agentId: tenant.agentSlug, baseUrl: backend.baseUrl, strict: true });
    const runId = await strict.startRun();
    const err = await strict.endRun({ runId }).catch((e) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(err.status).toBe(401);
    expect(err.requestId).toBeTruthy();

    const errors: unknown[] = [];
    const lenient = new AgentOpsClient({ apiKey: "aoh_wrong", agentId: tenant.agentSlug, baseUrl: backend.baseUrl, onError: (e) => errors.push(e) });
    await lenient.endRun({ runId: await lenient.startRun() });
    await lenient.shutdown();
    expect(errors[0]).toBeInstanceOf(AuthenticationError);
  }, 60_000);

  it("a running agent sees isPaused flip within a second without making calls, and back on resume", async () => {
    const agent = await post(backend.baseUrl, "/api/v1/agents", { name: `Paused while running ${crypto.randomUUID().slice(0, 8)}` }, tenant.token);
    const changes: [boolean, string | null][] = [];
    const errors: unknown[] = [];
    const client = new AgentOpsClient({
      apiKey: tenant.apiKey,
      agentId: agent.slug,
      baseUrl: backend.baseUrl,
      onError: (e) => errors.push(e),
      onPause: (paused, reason) => {
        changes.push([paused, reason]);
        if (paused) onPauseAt = performance.now();
      },
    });
    let onPauseAt = 0;
    try {
      const runId = await client.startRun();
      expect(client.isPaused).toBe(false);
      // let the long-poll reach the server and be held there
      await new Promise((ok) => setTimeout(ok, 300));
      await post(backend.baseUrl, `/api/v1/controls/pause-agent/${agent.id}`, { reason: "runaway costs" }, tenant.token);
      const pausedAt = performance.now();
      while (!client.isPaused && performance.now() - pausedAt < 5000) await new Promise((ok) => setTimeout(ok, 5));
      expect(client.isPaused).toBe(true);
      // the held status read is answered by the pause: from the pause's 200 to onPause, at most a second
      expect(onPauseAt - pausedAt).toBeLessThanOrEqual(1000);
      expect(client.pausedReason()).toBe("runaway costs");
      expect(client.pauseSource()).toBe("person");

      await post(backend.baseUrl, `/api/v1/controls/resume-agent/${agent.id}`, { reason: "budget raised" }, tenant.token);
      const resumedAt = performance.now();
      while (client.isPaused && performance.now() - resumedAt < 5000) await new Promise((ok) => setTimeout(ok, 10));
      expect(client.isPaused).toBe(false);
      await client.endRun({ runId });
    } finally {
      await client.shutdown();
    }
    expect(errors).toEqual([]);
    expect(changes).toEqual([[true, "runaway costs"], [false, null]]);
  }, 60_000);

  it("strict startRun on a paused agent rejects with AgentPausedError; a lenient client starts the run and says paused", async () => {
    const agent = await post(backend.baseUrl, "/api/v1/agents", { name: `Paused before ${crypto.randomUUID().slice(0, 8)}` }, tenant.token);
    await post(backend.baseUrl, `/api/v1/controls/pause-agent/${agent.id}`, { reason: "on hold" }, tenant.token);
    const strict = new AgentOpsClient({ apiKey: tenant.apiKey, agentId: agent.slug, baseUrl: backend.baseUrl, strict: true });
    const error = await strict.startRun().catch((e) => e);
    expect(error).toBeInstanceOf(AgentPausedError);
    expect(error.code).toBe("agent_paused");
    expect(error.message).toContain("on hold");
    await strict.shutdown();

    const lenient = new AgentOpsClient({ apiKey: tenant.apiKey, agentId: agent.slug, baseUrl: backend.baseUrl });
    const runId = await lenient.startRun();
    expect(lenient.isPaused).toBe(true);
    await lenient.endRun({ runId, status: "cancelled", error: "paused" });
    await lenient.shutdown();
  }, 60_000);

  it("budgetStatus turns exceeded once the agent's spend reaches its budget; onBudgetStatus tells", async () => {
    const agent = await post(backend.baseUrl, "/api/v1/agents", { name: `Spender ${crypto.randomUUID().slice(0, 8)}` }, tenant.token);
    await post(backend.baseUrl, "/api/v1/budgets", { name: "Tiny", scope: "agent", agent_id: agent.id, max_amount_usd: 0.000001, period: "monthly" }, tenant.token);
    const seen: string[] = [];
    const client = new AgentOpsClient({
      apiKey: tenant.apiKey,
      agentId: agent.slug,
      baseUrl: backend.baseUrl,
      onBudgetStatus: (status) => seen.push(status),
    });
    try {
      const runId = await client.startRun();
      expect(client.budgetStatus).toBe("ok");
      await client.recordLlmCall({ runId, model: "gpt-4o", usage: { prompt_tokens: 1000, completion_tokens: 200 } });
      await client.flush();
      await waitForRun(backend.baseUrl, tenant.token, runId, () => true);
      // the worker's rollup is read by the server's budget cache within about a second
      const until = performance.now() + 15_000;
      while (client.budgetStatus !== "exceeded" && performance.now() < until) {
        await client.recordToolCall({ runId, toolName: "spend-check" });
        await client.flush();
        await new Promise((ok) => setTimeout(ok, 200));
      }
      expect(client.budgetStatus).toBe("exceeded");
      expect(seen).toEqual(["exceeded"]);
      await client.endRun({ runId });
    } finally {
      await client.shutdown();
    }
  }, 60_000);

  it("client.raw reads runs with the same key (read scope)", async () => {
    const client = new AgentOpsClient({ apiKey: tenant.apiKey, agentId: tenant.agentSlug, baseUrl: backend.baseUrl });
    const { data } = await client.raw.GET("/api/v1/runs", { params: { query: { limit: 5 } } });
    expect(Array.isArray(data?.data)).toBe(true);
  }, 30_000);
});

/** GET with the admin's token; the body's `data`. */
async function get(path: string): Promise<any> {
  const res = await fetch(backend.baseUrl + path, { headers: { authorization: `Bearer ${tenant.token}` } });
  const json: any = await res.json();
  if (!res.ok) throw new Error(`GET ${path} -> ${res.status} ${JSON.stringify(json)}`);
  return json.data;
}

/** An active conditional policy on one action type (created by the admin, who may manage policies). */
async function policyOn(actionType: string, action: "block" | "require_approval", extra: unknown[] = []): Promise<string> {
  const policy = await post(
    backend.baseUrl,
    "/api/v1/policies",
    {
      name: `${action} ${actionType}`,
      rule_definition: {
        type: "conditional",
        conditions: [{ field: "action.type", operator: "equals", value: actionType }, ...extra],
        action,
        ...(action === "require_approval" ? { approval_required_from: ["role:team_lead"], timeout_minutes: 60 } : {}),
      },
    },
    tenant.token,
  );
  return policy.id;
}

/** The pending approval of this run and action type, once the check opened it (as an approver sees the queue). */
async function pendingApproval(runId: string, actionType: string): Promise<any> {
  for (let i = 0; i < 150; i++) {
    const found = (await get("/api/v1/approvals/pending")).find(
      (a: any) => a.run_id === runId && a.action_type === actionType,
    );
    if (found) return found;
    await new Promise((ok) => setTimeout(ok, 200));
  }
  throw new Error(`no pending approval for ${runId} ${actionType}`);
}

/** Approves or rejects as the organization's admin (role admin satisfies role:team_lead), after a short delay. */
async function decideLater(approvalId: string, verdict: "approve" | "reject", comment: string): Promise<void> {
  await new Promise((ok) => setTimeout(ok, 500));
  await post(backend.baseUrl, `/api/v1/approvals/${approvalId}/${verdict}`, { comment }, tenant.token);
}

describe("checkPolicy and waitForApproval against the real backend", () => {
  const client = () =>
    new AgentOpsClient({ apiKey: tenant.apiKey, agentId: tenant.agentSlug, baseUrl: backend.baseUrl, onError: () => undefined });

  it("allows an action no policy matches", async () => {
    const agentops = client();
    const runId = await agentops.startRun();
    const check = await agentops.checkPolicy({ runId, action: { type: "send_report" }, context: { pages: 3 } });
    expect(check.decision).toBe("allow");
    expect(check.approvalId).toBeNull();
    expect((await check.waitForApproval()).status).toBe("approved");
    await agentops.shutdown();
  }, 60_000);

  it("blocks an action a block policy matches, naming the policy", async () => {
    const policyId = await policyOn("delete_database", "block");
    const agentops = client();
    const check = await agentops.checkPolicy({ runId: await agentops.startRun(), action: { type: "delete_database", name: "prod" } });
    expect(check.decision).toBe("block");
    expect(check.reasons.map((r) => [r.code, r.policy_id, r.decision])).toEqual([["policy", policyId, "block"]]);
    expect(check.approvalId).toBeNull();
    await agentops.shutdown();
  }, 60_000);

  it("require_approval → approved by a team lead → recordExternalAction carries and consumes the approval", async () => {
    await policyOn("apply_discount", "require_approval", [{ field: "action.discount_percent", operator: "greater_than", value: 10 }]);
    const agentops = client();
    const runId = await agentops.startRun();
    const check = await agentops.checkPolicy({
      runId,
      action: { type: "apply_discount", target: "customer-42", discount_percent: 15 },
      context: { currency: "EUR" },
    });
    expect(check.decision).toBe("require_approval");
    expect(check.approvalId).toBeTruthy();
    const decided = decideLater(check.approvalId!, "approve", "ok for gold customers");
    const result = await check.waitForApproval({ timeoutMs: 30_000 });
    await decided;
    expect(result.status).toBe("approved");
    expect(result.comment).toBe("ok for gold customers");
    expect(result.decidedBy).toBeTruthy();
    // the same action (context included, number spelled differently): the approval is attached by the SDK
    await agentops.recordExternalAction({
      runId,
      actionType: "apply_discount",
      target: "customer-42",
      payload: { discount_percent: 15.0, currency: "EUR" },
    });
    await agentops.endRun({ runId });
    await agentops.shutdown();
    const approval = await get(`/api/v1/approvals/${check.approvalId}`);
    expect(approval.status).toBe("approved");
    expect(approval.consumed_at).toBeTruthy();
    const { events } = await waitForRun(backend.baseUrl, tenant.token, runId, (r) => r.status === "completed");
    const action = events.find((e) => e.event_type === "external_action");
    expect(action.payload.approval_id).toBe(check.approvalId);
  }, 90_000);

  it("a different action is not given the approval; an explicit approvalId is sent as is", async () => {
    await policyOn("refund", "require_approval");
    const agentops = client();
    const runId = await agentops.startRun();
    const check = await agentops.checkPolicy({ runId, action: { type: "refund", amount: 50 } });
    const decided = decideLater(check.approvalId!, "approve", "fine");
    expect((await check.waitForApproval({ timeoutMs: 30_000 })).status).toBe("approved");
    await decided;
    await agentops.recordExternalAction({ runId, actionType: "refund", payload: { amount: 500 } });
    await agentops.recordExternalAction({ runId, actionType: "refund", payload: { amount: 50 }, approvalId: check.approvalId! });
    await agentops.endRun({ runId });
    await agentops.shutdown();
    const { events } = await waitForRun(backend.baseUrl, tenant.token, runId, (r) => r.status === "completed");
    const refunds = events.filter((e) => e.event_type === "external_action");
    expect(refunds.map((e) => e.payload.approval_id ?? null).sort()).toEqual([check.approvalId, null].sort());
    expect((await get(`/api/v1/approvals/${check.approvalId}`)).consumed_at).toBeTruthy();
  }, 90_000);

  it("a rejected request resolves rejected with the comment; nothing is attached", async () => {
    await policyOn("wire_transfer", "require_approval");
    const agentops = client();
    const runId = await agentops.startRun();
    const check = await agentops.checkPolicy({ runId, action: { type: "wire_transfer", amount: 9000 } });
    const decided = decideLater(check.approvalId!, "reject", "too much");
    const result = await check.waitForApproval({ timeoutMs: 30_000 });
    await decided;
    expect(result).toMatchObject({ status: "rejected", comment: "too much" });
    await agentops.shutdown();
  }, 60_000);

  it("a wait that outlives timeoutMs without a decision resolves timeout", async () => {
    await policyOn("close_account", "require_approval");
    const agentops = client();
    const check = await agentops.checkPolicy({ runId: await agentops.startRun(), action: { type: "close_account" } });
    const started = Date.now();
    const result = await check.waitForApproval({ timeoutMs: 1500 });
    expect(result).toEqual({ status: "timeout", comment: null, decidedBy: null });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect((await get(`/api/v1/approvals/${check.approvalId}`)).status).toBe("pending");
    await agentops.shutdown();
  }, 60_000);

  it("an unreachable server answers block (closed, the default) or allow (open) with reason unreachable, never throwing", async () => {
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    const errors: unknown[] = [];
    for (const [mode, decision] of [[undefined, "block"], ["closed", "block"], ["open", "allow"]] as const) {
      for (const strict of [false, true]) {
        const agentops = new AgentOpsClient({
          apiKey: "aoh_x",
          agentId: "bot",
          baseUrl: nowhere,
          maxRetries: 0,
          strict,
          ...(mode ? { policyFailMode: mode } : {}),
          onError: (e) => errors.push(e),
        });
        const check = await agentops.checkPolicy({ runId: "r-1", action: { type: "send_email" } });
        expect(check.decision).toBe(decision);
        expect(check.reasons.map((r) => r.code)).toEqual(["unreachable"]);
        expect(check.approvalId).toBeNull();
      }
    }
    expect(errors.length).toBe(6);
  }, 60_000);

  it("the README's policy example runs verbatim: ask, wait for a team lead's approval, act, record", async () => {
    await policyOn("apply_discount", "require_approval", [{ field: "action.target", operator: "equals", value: "customer-7" }]);
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const section = readme.slice(readme.indexOf("## Policies and approvals"));
    const code = /```ts\n([\s\S]*?)```/.exec(section)![1]!;
    // type-only import: the transpiled module needs nothing but itself
    const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
    const dir = mkdtempSync(join(tmpdir(), "agentops-readme-policy-"));
    const file = join(dir, "example.mjs");
    writeFileSync(file, js.outputText);
    const { discountWithApproval } = await import(pathToFileURL(file).href);
    rmSync(dir, { recursive: true, force: true });
    const agentops = client();
    const runId = await agentops.startRun();
    const applied: unknown[] = [];
    const applyDiscount = async (customer: string, percent: number) => {
      applied.push([customer, percent]);
    };
    const approver = pendingApproval(runId, "apply_discount").then((a) => decideLater(a.id, "approve", "yes"));
    await discountWithApproval(agentops, runId, applyDiscount);
    await approver;
    expect(applied).toEqual([["customer-7", 15]]);
    await agentops.endRun({ runId });
    await agentops.shutdown();
    const { events } = await waitForRun(backend.baseUrl, tenant.token, runId, (r) => r.status === "completed");
    const approvalId = events.find((e) => e.event_type === "external_action").payload.approval_id;
    expect(approvalId).toBeTruthy();
    expect((await get(`/api/v1/approvals/${approvalId}`)).consumed_at).toBeTruthy();
  }, 90_000);
});

const SDK_DIR = fileURLToPath(new URL("..", import.meta.url));

/** Runs an example with one command, as its README says (node examples/<name>/index.mjs), against the real backend. */
async function runExample(name: string, extraEnv: Record<string, string> = {}): Promise<any> {
  const { stdout } = await promisify(execFile)(process.execPath, [`examples/${name}/index.mjs`], {
    cwd: SDK_DIR,
    timeout: 60_000,
    env: {
      ...process.env,
      AGENTOPS_API_KEY: tenant.apiKey,
      AGENTOPS_AGENT_ID: tenant.agentSlug,
      AGENTOPS_BASE_URL: backend.baseUrl,
      ...extraEnv,
    },
  });
  const lines = stdout.trim().split("\n");
  return JSON.parse(lines[lines.length - 1]!);
}

describe("examples against the real backend", () => {
  it("policy-approval runs the specification's example: approved once (action recorded with the approval), rejected once (nothing recorded)", async () => {
    await policyOn("send_discount", "require_approval", [{ field: "action.discount_percent", operator: "greater_than", value: 10 }]);
    // the READMEs show the example's code as it is
    const source = readFileSync(new URL("../examples/policy-approval/index.mjs", import.meta.url), "utf8");
    const code = source.slice(source.indexOf("// example:begin\n") + "// example:begin\n".length, source.indexOf("// example:end"));
    for (const readme of ["../examples/policy-approval/README.md", "../README.md"]) {
      expect(readFileSync(new URL(readme, import.meta.url), "utf8"), `${readme} shows the example's code`).toContain("```js\n" + code + "```");
    }
    for (const verdict of ["approve", "reject"] as const) {
      const seen = new Set((await get("/api/v1/approvals?limit=100")).map((a: any) => a.id));
      const example = runExample("policy-approval");
      // the person: the new pending request of this agent, decided through the API
      let request: any;
      for (let i = 0; i < 150 && !request; i++) {
        request = (await get("/api/v1/approvals/pending")).find((a: any) => a.action_type === "send_discount" && !seen.has(a.id));
        if (!request) await new Promise((ok) => setTimeout(ok, 200));
      }
      expect(request, "the example opened an approval request").toBeTruthy();
      expect(request.action).toEqual({ type: "send_discount", discount_percent: 15 });
      await decideLater(request.id, verdict, `${verdict}d by the test`);
      const out = await example;
      expect(request.run_id).toBe(out.run_id);
      const { events } = await waitForRun(backend.baseUrl, tenant.token, out.run_id, (r) => r.status === "completed");
      const checks = events.filter((e) => e.event_type === "policy_check");
      expect(checks.map((e) => [e.payload.decision, e.payload.approval_id])).toEqual([["require_approval", request.id]]);
      const actions = events.filter((e) => e.event_type === "external_action");
      const approval = await get(`/api/v1/approvals/${request.id}`);
      if (verdict === "approve") {
        expect(actions.map((e) => [e.payload.action_type, e.payload.payload, e.payload.approval_id])).toEqual([
          ["send_discount", { discount_percent: 15 }, request.id],
        ]);
        expect(approval.status).toBe("approved");
        expect(approval.consumed_at).toBeTruthy();
      } else {
        expect(actions).toEqual([]);
        expect(approval.status).toBe("rejected");
        expect(approval.consumed_at).toBeNull();
      }
    }
  }, 120_000);

  it("basic-orchestrator records LLM calls, tool calls and an external action", async () => {
    const out = await runExample("basic-orchestrator");
    expect(out.answer).toBe("Order 7 ships tomorrow.");
    const { run, events } = await waitForRun(backend.baseUrl, tenant.token, out.run_id, (r) => r.status === "completed");
    const types = events.map((e) => e.event_type);
    expect(types.filter((t) => t === "llm_call")).toHaveLength(3);
    expect(types.filter((t) => t === "tool_call")).toHaveLength(2);
    expect(types.filter((t) => t === "external_action")).toHaveLength(1);
    expect(run.input_tokens).toBe(300 + 350 + 400);
    expect(run.output_tokens).toBe(120);
    expect(run.cost_usd).toBeGreaterThan(0);
  }, 90_000);

  it("openai-integration records every chat completion of the official client (stub OpenAI server)", async () => {
    const requests: any[] = [];
    const stub: Server = createServer((req, res) => {
      let body = "";
      req.on("data", (d) => (body += d));
      req.on("end", () => {
        requests.push({ url: req.url, body: JSON.parse(body || "{}") });
        res.writeHead(200, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            id: `chatcmpl-${requests.length}`,
            object: "chat.completion",
            created: Math.floor(Date.now() / 1000),
            model: "gpt-4o-2024-08-06",
            choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content: "Because you cannot fix what you cannot see." } }],
            usage: { prompt_tokens: 1000, completion_tokens: 200, total_tokens: 1200, prompt_tokens_details: { cached_tokens: 400 } },
          }),
        );
      });
    });
    await new Promise<void>((ok) => stub.listen(0, "127.0.0.1", () => ok()));
    const address = stub.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      const out = await runExample("openai-integration", {
        OPENAI_API_KEY: "sk-test",
        OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1`,
        OPENAI_MODEL: "gpt-4o",
      });
      expect(requests).toHaveLength(2);
      expect(requests[0].url).toBe("/v1/chat/completions");
      const { run, events } = await waitForRun(backend.baseUrl, tenant.token, out.run_id, (r) => r.status === "completed" && r.input_tokens === 2000);
      expect(events.map((e) => e.event_type)).toEqual(["llm_call", "llm_call"]);
      expect(events[0].model).toBe("gpt-4o-2024-08-06");
      expect(run.output_tokens).toBe(400);
      expect(run.cache_read_tokens).toBe(800);
      expect(run.cost_usd).toBeCloseTo(0.008, 10);
    } finally {
      await new Promise((ok) => stub.close(ok));
    }
  }, 90_000);
});
