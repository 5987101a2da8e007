import { describe, expect, it } from "vitest";
import { AgentOpsClient, AgentPausedError, PermissionError } from "../src/index.js";
import { fakeFetch, json } from "./helpers.js";

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
    expect(performance.now() - pausedAt).toBeLessThan(1300);
    status.agent_status = "active";
    status.paused_reason = null;
    const resumedAt = performance.now();
    while (c.isPaused && performance.now() - resumedAt < 3000) await sleep(20);
    expect(c.isPaused).toBe(false);
    expect(changes).toEqual([true, false]);
    await c.shutdown();
  });

  it("reads the status at most once per second, whoever asks, and only while a run is open", async () => {
    const { fetch, statusCalls } = fakeFetch();
    const c = client(fetch);
    const runId = await c.startRun();
    const started = performance.now();
    while (performance.now() - started < 2300) {
      await c.recordToolCall({ runId, toolName: "busy" });
      await sleep(5);
    }
    const reads = statusCalls.length;
    expect(reads).toBeGreaterThanOrEqual(3);
    expect(reads).toBeLessThanOrEqual(4);
    await c.endRun({ runId });
    await sleep(1300);
    expect(statusCalls.length).toBe(reads);
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
