import { describe, expect, it } from "vitest";
import { AgentOpsClient, AgentPausedError, PermissionError } from "../src/index.js";
import { accepted, fakeFetch, json } from "./helpers.js";

function client(fetch: any, extra: Record<string, unknown> = {}) {
  return new AgentOpsClient({ apiKey: "aoh_test", agentId: "bot", baseUrl: "https://hub.test", flushIntervalMs: 0, fetch, ...extra });
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

describe("pause", () => {
  it("strict: startRun on a paused agent rejects with AgentPausedError and records nothing", async () => {
    const { fetch, calls, statusCalls, status } = fakeFetch();
    status.agent_status = "paused";
    status.paused_reason = "runaway costs";
    const c = client(fetch, { strict: true });
    const error = await c.startRun().catch((e) => e);
    expect(error).toBeInstanceOf(AgentPausedError);
    expect(error.code).toBe("agent_paused");
    expect(error.message).toContain("runaway costs");
    expect(c.isPaused).toBe(true);
    expect(c.pausedReason()).toBe("runaway costs");
    expect(c.pauseSource()).toBe("person");
    expect(statusCalls).toHaveLength(1);
    expect(new URL(statusCalls[0]!.url).searchParams.get("agent_id")).toBe("bot");
    expect(statusCalls[0]!.headers.get("authorization")).toBe("Bearer aoh_test");
    await c.shutdown();
    expect(calls).toHaveLength(0);
  });

  it("lenient: startRun on a halted organization starts the run; isPaused says so and onPause fires once", async () => {
    const { fetch, calls, status } = fakeFetch();
    status.halted = true;
    const changes: [boolean, string | null][] = [];
    const c = client(fetch, { onPause: (paused: boolean, reason: string | null) => changes.push([paused, reason]) });
    const runId = await c.startRun();
    expect(c.isPaused).toBe(true);
    await c.endRun({ runId });
    expect(calls).toHaveLength(1);
    expect(changes).toEqual([[true, null]]);
    await c.shutdown();
  });

  it("a running agent sees isPaused flip within a second without making calls, and back on resume", async () => {
    const { fetch, status } = fakeFetch();
    const changes: boolean[] = [];
    const c = client(fetch, { onPause: (paused: boolean) => changes.push(paused) });
    await c.startRun();
    expect(c.isPaused).toBe(false);
    status.agent_status = "paused";
    status.paused_reason = "budget";
    const pausedAt = performance.now();
    while (!c.isPaused && performance.now() - pausedAt < 3000) await sleep(20);
    expect(c.isPaused).toBe(true);
    expect(performance.now() - pausedAt).toBeLessThan(1000);
    status.agent_status = "active";
    status.paused_reason = null;
    const resumedAt = performance.now();
    while (c.isPaused && performance.now() - resumedAt < 3000) await sleep(20);
    expect(c.isPaused).toBe(false);
    expect(changes).toEqual([true, false]);
    await c.shutdown();
  });

  it("holds one long-poll while a run is open, re-issues it after an answer, and stops when the run ends", async () => {
    const { fetch, statusCalls, status } = fakeFetch();
    const c = client(fetch);
    const runId = await c.startRun();
    const started = performance.now();
    while (performance.now() - started < 1500) {
      await c.recordToolCall({ runId, toolName: "busy" });
      await sleep(5);
    }
    // the plain read of startRun, then one long-poll held all along: SDK calls do not read while it is held
    expect(statusCalls.length).toBeLessThanOrEqual(2);
    const held = statusCalls.at(-1)!;
    const query = new URL(held.url).searchParams;
    expect(query.get("wait_s")).toBe("25");
    expect(query.get("known")).toBe("active");
    status.agent_status = "paused";
    while (!c.isPaused) await sleep(5);
    await sleep(50);
    const after = statusCalls.at(-1)!;
    expect(new URL(after.url).searchParams.get("known"), "re-issued with the new state").toBe("paused");
    await c.endRun({ runId });
    const reads = statusCalls.length;
    await sleep(1200);
    expect(statusCalls.length).toBe(reads);
    await c.shutdown();
  });

  it("against a server that answers at once it reads at most once a second", async () => {
    let reads = 0;
    const fetch = async (request: Request) => {
      if (new URL(request.url).pathname === "/api/v1/controls/agent-status") {
        reads++;
        return json(200, { data: { agent_status: "active", halted: false, budget_status: "ok" } });
      }
      return accepted();
    };
    const c = client(fetch);
    const runId = await c.startRun();
    await sleep(2300);
    expect(reads).toBeGreaterThanOrEqual(2);
    expect(reads).toBeLessThanOrEqual(4);
    await c.endRun({ runId });
    await c.shutdown();
  });

  it("backs off when status reads fail, and recovers", async () => {
    let reads = 0;
    let failing = true;
    const fetch = async (request: Request) => {
      if (new URL(request.url).pathname === "/api/v1/controls/agent-status") {
        reads++;
        if (failing) return json(503, { error: "down", code: "unavailable" });
        return json(200, { data: { agent_status: "paused", halted: false, paused_reason: "back", budget_status: "ok" } });
      }
      return accepted();
    };
    const c = client(fetch, { onError: () => {} });
    const runId = await c.startRun();
    await sleep(3200);
    // startRun's read, then the loop at 0 s, 1 s, 3 s (1 s, 2 s back-off): not one a second
    expect(reads).toBeLessThanOrEqual(4);
    failing = false;
    const until = performance.now() + 6000;
    while (!c.isPaused && performance.now() < until) await sleep(20);
    expect(c.isPaused).toBe(true);
    await c.endRun({ runId });
    await c.shutdown();
  }, 15_000);

  it("budgetStatus follows acks and status reads; onBudgetStatus fires once per change", async () => {
    const { fetch, status } = fakeFetch();
    const seen: [string, string][] = [];
    const c = client(fetch, { onBudgetStatus: (s: string, agent: string) => seen.push([s, agent]) });
    expect(c.budgetStatus).toBeNull();
    const runId = await c.startRun();
    expect(c.budgetStatus).toBe("ok");
    status.budget_status = "warning";
    await c.recordToolCall({ runId, toolName: "spend" });
    await c.flush();
    expect(c.budgetStatus).toBe("warning");
    expect(c.agentBudgetStatus("bot")).toBe("warning");
    await c.flush();
    status.budget_status = "exceeded";
    await c.recordToolCall({ runId, toolName: "spend" });
    await c.flush();
    expect(c.budgetStatus).toBe("exceeded");
    expect(seen).toEqual([["warning", "bot"], ["exceeded", "bot"]]);
    await c.endRun({ runId });
    await c.shutdown();
  });

  it("an agent the server has not seen yet is active", async () => {
    const { fetch, status, statusCalls } = fakeFetch();
    status.known = false;
    const c = client(fetch, { strict: true });
    await expect(c.startRun()).resolves.toBeTypeOf("string");
    expect(statusCalls).toHaveLength(1);
    expect(c.isPaused).toBe(false);
    await c.shutdown();
  });

  it("the ingest ack pauses too, and a key that may not read statuses is reported once and not asked again", async () => {
    const errors: unknown[] = [];
    let reads = 0;
    const fetch = async (request: Request) => {
      if (new URL(request.url).pathname === "/api/v1/controls/agent-status") {
        reads++;
        return json(403, { error: "no", code: "forbidden" });
      }
      return json(202, { id: "j", status: "queued", run_id: "r", agent_status: "paused", halted: false, paused_reason: "by hand" });
    };
    const c = client(fetch, { onError: (e: unknown) => errors.push(e) });
    const runId = await c.startRun();
    await c.flush();
    expect(c.isPaused).toBe(true);
    expect(c.pausedReason()).toBe("by hand");
    await sleep(1100);
    await c.recordToolCall({ runId, toolName: "x" });
    expect(reads).toBe(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(PermissionError);
    await c.shutdown();
  });
});
