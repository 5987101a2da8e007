import { describe, expect, it } from "vitest";
import { AgentOpsClient, PermissionError } from "../src/index.js";
import { checkedActionKey, performedActionKey } from "../src/policy.js";
import { accepted, fakeFetch, fakeSleep, json, type Recorded } from "./helpers.js";

// The policy calls against a fake server: what is sent, how answers and failures are read. The real backend runs the
// same flows in integration.test.ts.
function client(fetch: any, extra: Record<string, unknown> = {}) {
  return new AgentOpsClient({
    apiKey: "aoh_test",
    agentId: "agent-1",
    baseUrl: "https://hub.test",
    flushIntervalMs: 0,
    fetch,
    onError: () => undefined,
    ...extra,
  });
}

const APPROVAL = "5b7c1c9e-0000-4000-8000-000000000001";

/** Answers the check with require_approval, then each wait from `waits` in turn, and accepts ingest. */
function approvalServer(waits: string[]) {
  let wait = 0;
  return (req: Recorded) => {
    const path = new URL(req.url).pathname;
    if (path === "/api/v1/policies/check") {
      return json(200, {
        data: {
          decision: "require_approval",
          reasons: [{ code: "policy", policy_id: "p1", version: 2, name: "Discounts", decision: "require_approval" }],
          approval: { id: APPROVAL, status: "pending", expires_at: new Date(Date.now() + 3_600_000).toISOString() },
        },
      });
    }
    if (path.endsWith("/wait")) {
      const status = waits[Math.min(wait++, waits.length - 1)]!;
      return json(200, { data: { id: APPROVAL, status, comment: status === "pending" ? null : "ok", decided_by: status === "pending" ? null : "u1" } });
    }
    return accepted();
  };
}

describe("checkPolicy", () => {
  it("posts {run_id, agent_id, action, context} as canonical JSON and reads decision, reasons and approval", async () => {
    const { fetch, calls } = fakeFetch(approvalServer(["approved"]));
    const c = client(fetch);
    const check = await c.checkPolicy({ runId: "run-1", action: { type: "apply_discount", discount_percent: 15 }, context: { tier: "gold" } });
    expect(calls[0]!.url).toBe("https://hub.test/api/v1/policies/check");
    expect(calls[0]!.raw).toBe(
      '{"action":{"discount_percent":15,"type":"apply_discount"},"agent_id":"agent-1","context":{"tier":"gold"},"run_id":"run-1"}',
    );
    expect(check.decision).toBe("require_approval");
    expect(check.approvalId).toBe(APPROVAL);
    expect(check.reasons[0]).toMatchObject({ code: "policy", policy_id: "p1", version: 2 });
  });

  it("waits again while pending, at most 60 s per request, and resolves the decision", async () => {
    const { fetch, calls } = fakeFetch(approvalServer(["pending", "pending", "approved"]));
    const check = await client(fetch).checkPolicy({ runId: "run-1", action: { type: "refund" } });
    const result = await check.waitForApproval({ timeoutMs: 10 * 60 * 1000 });
    expect(result).toEqual({ status: "approved", comment: "ok", decidedBy: "u1" });
    const waits = calls.filter((r) => r.url.includes("/wait"));
    expect(waits).toHaveLength(3);
    expect(waits[0]!.url).toBe(`https://hub.test/api/v1/approvals/${APPROVAL}/wait?timeout_s=60`);
  });

  it("resolves timeout when the request is still pending after timeoutMs", async () => {
    const { fetch } = fakeFetch(approvalServer(["pending"]));
    const check = await client(fetch).checkPolicy({ runId: "run-1", action: { type: "refund" } });
    expect(await check.waitForApproval({ timeoutMs: 0 })).toEqual({ status: "timeout", comment: null, decidedBy: null });
  });

  it("attaches an approved check's approval to the same action of the same run, once, and to nothing else", async () => {
    const { fetch, calls } = fakeFetch(approvalServer(["approved"]));
    const c = client(fetch);
    const check = await c.checkPolicy({ runId: "run-1", action: { type: "refund", target: "order-7", amount: 50 }, context: { currency: "EUR" } });
    await check.waitForApproval();
    await c.recordExternalAction({ runId: "run-2", actionType: "refund", target: "order-7", payload: { amount: 50, currency: "EUR" } });
    await c.recordExternalAction({ runId: "run-1", actionType: "refund", target: "order-7", payload: { amount: 500, currency: "EUR" } });
    await c.recordExternalAction({ runId: "run-1", actionType: "refund", target: "order-7", payload: { currency: "EUR", amount: 50.0 } });
    await c.recordExternalAction({ runId: "run-1", actionType: "refund", target: "order-7", payload: { amount: 50, currency: "EUR" } });
    await c.flush();
    const sent = calls
      .filter((r) => r.url.endsWith("/ingest/run"))
      .flatMap((r) => r.body.events.map((e: any) => [r.body.run_id, e.payload.payload.amount, e.payload.approval_id ?? null]));
    expect(sent).toEqual([
      ["run-2", 50, null],
      ["run-1", 500, null],
      ["run-1", 50, APPROVAL],
      ["run-1", 50, null],
    ]);
  });

  it("an unreachable server: block (closed, the default) or allow (open), reason unreachable, strict or not", async () => {
    const down = async () => {
      throw new TypeError("fetch failed");
    };
    for (const [mode, decision] of [[undefined, "block"], ["open", "allow"]] as const) {
      for (const strict of [false, true]) {
        const errors: unknown[] = [];
        const c = client(down, { policyFailMode: mode, strict, maxRetries: 1, sleep: fakeSleep().sleep, onError: (e: unknown) => errors.push(e) });
        const check = await c.checkPolicy({ runId: "run-1", action: { type: "send_email" } });
        expect(check.decision).toBe(decision);
        expect(check.reasons.map((r) => r.code)).toEqual(["unreachable"]);
        expect(errors).toHaveLength(1);
      }
    }
  });

  it("a refused check (403) answers by the fail mode unless strict, which rejects with the typed error", async () => {
    const { fetch } = fakeFetch(() => json(403, { error: "scope policies:check needed", code: "forbidden" }));
    const lenient = await client(fetch).checkPolicy({ action: { type: "x" } });
    expect(lenient.decision).toBe("block");
    expect(lenient.reasons[0]!.code).toBe("forbidden");
    await expect(client(fetch, { strict: true }).checkPolicy({ action: { type: "x" } })).rejects.toBeInstanceOf(PermissionError);
  });
});

describe("the action an approval is bound to (docs/api.md)", () => {
  it("check = context with the action on top, type trimmed; external action = payload + target + type", () => {
    const checked = checkedActionKey({ type: " apply_discount ", target: "customer-42", discount_percent: 15 }, { discount_percent: 5, tier: "gold" });
    expect(checked).toBe('{"discount_percent":15,"target":"customer-42","tier":"gold","type":"apply_discount"}');
    expect(performedActionKey("apply_discount", "customer-42", { tier: "gold", discount_percent: 15.0 })).toBe(checked);
    expect(performedActionKey("apply_discount", undefined, "text")).toBeUndefined();
  });
});
