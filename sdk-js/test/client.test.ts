import { afterEach, describe, expect, it, vi } from "vitest";
import {
  AgentOpsClient,
  AgentOpsError,
  AuthenticationError,
  ConnectionError,
  IdempotencyError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ServerError,
  ValidationError,
} from "../src/index.js";
import { accepted, fakeFetch, fakeSleep, json } from "./helpers.js";

function client(fetch: any, extra: Record<string, unknown> = {}) {
  return new AgentOpsClient({
    apiKey: "aoh_test",
    agentId: "agent-1",
    baseUrl: "https://hub.test",
    flushIntervalMs: 0,
    fetch,
    ...extra,
  });
}

afterEach(() => {
  vi.useRealTimers();
});

describe("batching", () => {
  it("sends one piece per run with run_id, agent_id and the events, when flushAt items are buffered", async () => {
    const { fetch, calls } = fakeFetch();
    const c = client(fetch, { flushAt: 4 });
    const runId = await c.startRun({ input: { q: "hi" }, tags: ["t"], metadata: { a: 1 } });
    await c.recordToolCall({ runId, toolName: "search", input: { q: 1 }, output: { r: 2 }, durationMs: 5 });
    await c.recordLlmCall({ runId, model: "gpt-4o", usage: { prompt_tokens: 10, completion_tokens: 2 } });
    expect(calls).toHaveLength(0);
    await c.recordExternalAction({ runId, actionType: "email", target: "x@example.com", payload: { to: "x" }, costUsd: 0.01 });
    await c.flush();
    expect(calls).toHaveLength(1);
    const body = calls[0]!.body;
    expect(calls[0]!.url).toBe("https://hub.test/api/v1/ingest/run");
    expect(calls[0]!.headers.get("authorization")).toBe("Bearer aoh_test");
    expect(calls[0]!.headers.get("idempotency-key")).toMatch(/^[0-9a-f-]{36}$/);
    expect(body).toMatchObject({
      run_id: runId,
      agent_id: "agent-1",
      status: "running",
      input: { q: "hi" },
      tags: ["t"],
      metadata: { a: 1 },
    });
    expect(body.events.map((e: any) => e.event_type)).toEqual(["tool_call", "llm_call", "external_action"]);
    for (const e of body.events) {
      expect(e.event_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(new Date(e.timestamp).toISOString()).toBe(e.timestamp);
    }
    expect(body.events[0].payload).toEqual({ tool_name: "search", input: { q: 1 }, output: { r: 2 } });
    expect(body.events[0].duration_ms).toBe(5);
    expect(body.events[1]).toMatchObject({
      model: "gpt-4o",
      usage_format: "agentops",
      token_usage: { input_tokens: 10, output_tokens: 2, cache_read_input_tokens: 0, reasoning_tokens: 0 },
    });
    expect(body.events[2]).toMatchObject({
      cost_usd: 0.01,
      payload: { action_type: "email", target: "x@example.com", payload: { to: "x" } },
    });
  });

  it("cuts the buffer every flushAt items (events, run starts and ends)", async () => {
    const { fetch, calls } = fakeFetch();
    const c = client(fetch, { flushAt: 2 });
    const runId = await c.startRun();
    for (let i = 0; i < 5; i++) await c.recordToolCall({ runId, toolName: `t${i}` });
    await c.endRun({ runId, output: { ok: true } });
    expect(calls.map((r) => r.body.events?.length ?? 0)).toEqual([1, 2, 2, 0]);
    expect(calls.every((r) => r.body.run_id === runId)).toBe(true);
    expect(calls[0]!.body).toMatchObject({ status: "running" });
    expect(calls[3]!.body).toMatchObject({ status: "completed", output: { ok: true } });
    const ids = calls.flatMap((r) => (r.body.events ?? []).map((e: any) => e.event_id));
    expect(new Set(ids).size).toBe(5);
  });

  it("sends buffered events after flushIntervalMs", async () => {
    vi.useFakeTimers();
    const { fetch, calls } = fakeFetch();
    const c = client(fetch, { flushAt: 100, flushIntervalMs: 1000 });
    const runId = await c.startRun();
    await c.recordToolCall({ runId, toolName: "x" });
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    await c.flush();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body.events).toHaveLength(1);
    await c.shutdown();
  });

  it("shutdown flushes everything buffered, for every run", async () => {
    const { fetch, calls } = fakeFetch();
    const c = client(fetch, { flushAt: 100, flushIntervalMs: 60_000 });
    const a = await c.startRun();
    const b = await c.startRun();
    await c.recordToolCall({ runId: a, toolName: "x" });
    await c.recordToolCall({ runId: b, toolName: "y" });
    expect(calls).toHaveLength(0);
    await c.shutdown();
    expect(calls.map((r) => r.body.run_id).sort()).toEqual([a, b].sort());
  });

  it("endRun with an error marks the run failed", async () => {
    const { fetch, calls } = fakeFetch();
    const c = client(fetch);
    const runId = await c.startRun({ runId: "my-run" });
    expect(runId).toBe("my-run");
    await c.endRun({ runId, error: new Error("boom") });
    expect(calls[0]!.body).toMatchObject({ run_id: "my-run", status: "failed", error: "boom" });
  });
});

describe("retries", () => {
  it("honours Retry-After on 429 and resends the same body (same run_id and event_ids)", async () => {
    const { sleep, waits } = fakeSleep();
    const { fetch, calls } = fakeFetch((_r, i) =>
      i === 0 ? json(429, { error: "slow down", code: "rate_limited" }, { "retry-after": "2" }) : accepted(),
    );
    const c = client(fetch, { sleep });
    const runId = await c.startRun();
    await c.recordToolCall({ runId, toolName: "x" });
    await c.endRun({ runId });
    expect(calls).toHaveLength(2);
    expect(waits).toEqual([2000]);
    expect(calls[1]!.body).toEqual(calls[0]!.body);
    expect(calls[1]!.body.run_id).toBe(runId);
  });

  it("retries 5xx and network errors with exponential back-off and full jitter", async () => {
    const { sleep, waits } = fakeSleep();
    const { fetch, calls } = fakeFetch((_r, i) => {
      if (i === 0) return json(500, { error: "oops", code: "internal_error" });
      if (i === 1) throw new TypeError("fetch failed");
      if (i === 2) return json(503, { error: "down", code: "unavailable" });
      return accepted();
    });
    const c = client(fetch, { sleep, random: () => 0.5, baseDelayMs: 100, maxRetries: 3, strict: true });
    const runId = await c.startRun();
    await c.endRun({ runId });
    expect(calls).toHaveLength(4);
    expect(waits).toEqual([50, 100, 200]);
  });

  it("does not retry other 4xx", async () => {
    const { sleep } = fakeSleep();
    const { fetch, calls } = fakeFetch(() => json(403, { error: "no", code: "forbidden" }));
    const c = client(fetch, { sleep, strict: true });
    const runId = await c.startRun();
    await expect(c.endRun({ runId })).rejects.toBeInstanceOf(PermissionError);
    expect(calls).toHaveLength(1);
  });

  it("gives up after maxRetries with the typed error", async () => {
    const { sleep } = fakeSleep();
    const { fetch, calls } = fakeFetch(() => json(429, { error: "slow", code: "rate_limited" }, { "retry-after": "1" }));
    const c = client(fetch, { sleep, strict: true, maxRetries: 2 });
    const runId = await c.startRun();
    const err = await c.endRun({ runId }).catch((e) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect(err.retryAfter).toBe(1);
    expect(calls).toHaveLength(3);
  });

  it("every ingest carries an Idempotency-Key reused across its retries with the same bytes", async () => {
    const { sleep } = fakeSleep();
    const { fetch, calls } = fakeFetch((_r, i) => (i === 0 ? json(503, { error: "busy", code: "unavailable" }) : accepted()));
    const c = client(fetch, { sleep });
    const runId = await c.startRun();
    await c.recordToolCall({ runId, toolName: "t", input: { b: 1, a: 2 } });
    await c.flush();
    await c.endRun({ runId });
    expect(calls).toHaveLength(3);
    const key = calls[0]!.headers.get("idempotency-key");
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(calls[1]!.headers.get("idempotency-key")).toBe(key);
    expect(calls[1]!.raw).toBe(calls[0]!.raw);
    expect(calls[0]!.raw).toContain('"input":{"a":2,"b":1}');
    expect(calls[2]!.headers.get("idempotency-key")).not.toBe(key);
  });

  it("retries idempotency_in_progress but never a key reused with another body", async () => {
    const { sleep, waits } = fakeSleep();
    const { fetch, calls } = fakeFetch((_r, i) =>
      i === 0
        ? json(409, { error: "still running", code: "idempotency_in_progress" })
        : json(422, { error: "key reused", code: "idempotency_key_reused", request_id: "r5" }),
    );
    const c = client(fetch, { sleep, strict: true, random: () => 0.5 });
    const runId = await c.startRun();
    const error = await c.endRun({ runId }).catch((e) => e);
    expect(error).toBeInstanceOf(IdempotencyError);
    expect(error.status).toBe(422);
    expect(error.code).toBe("idempotency_key_reused");
    expect(calls).toHaveLength(2);
    expect(waits).toEqual([250]);
  });

  it("adds one Idempotency-Key to other POSTs, reused across retries", async () => {
    const { sleep } = fakeSleep();
    const { fetch, calls } = fakeFetch((_r, i) => (i === 0 ? json(502, {}) : json(201, { data: { id: "a" } })));
    const c = client(fetch, { sleep });
    await c.raw.POST("/api/v1/agents", { body: { name: "x" } as any });
    expect(calls).toHaveLength(2);
    const key = calls[0]!.headers.get("idempotency-key");
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(calls[1]!.headers.get("idempotency-key")).toBe(key);
  });
});

describe("never throw unless strict", () => {
  it("swallows failures and reports them to onError", async () => {
    const { sleep } = fakeSleep();
    const { fetch } = fakeFetch(() => json(500, { error: "oops", code: "internal_error", request_id: "req_1" }));
    const errors: AgentOpsError[] = [];
    const c = client(fetch, { sleep, maxRetries: 1, onError: (e: AgentOpsError) => errors.push(e) });
    const runId = await c.startRun();
    await c.recordToolCall({ runId, toolName: "x" });
    await expect(c.endRun({ runId })).resolves.toBeUndefined();
    // kept for the next flush (same ids), tried once more by shutdown, then dropped
    await expect(c.shutdown()).resolves.toBeUndefined();
    expect(errors).toHaveLength(2);
    expect(errors[0]).toBeInstanceOf(ServerError);
    expect(errors[0]!.message).toContain("req_1");
  });

  it("swallows network failures and a throwing onError", async () => {
    const { sleep } = fakeSleep();
    const c = client(
      async () => {
        throw new TypeError("ECONNREFUSED");
      },
      { sleep, maxRetries: 0, onError: () => { throw new Error("bad handler"); } },
    );
    const runId = await c.startRun();
    await expect(c.endRun({ runId })).resolves.toBeUndefined();
  });

  it("strict: flush rejects with the typed error", async () => {
    const { sleep } = fakeSleep();
    const c = client(async () => { throw new TypeError("ECONNREFUSED"); }, { sleep, maxRetries: 1, strict: true });
    const runId = await c.startRun();
    await c.recordToolCall({ runId, toolName: "x" });
    await expect(c.flush()).rejects.toBeInstanceOf(ConnectionError);
  });

  it("strict: a failed timer flush goes to onError, never to an unhandled rejection", async () => {
    vi.useFakeTimers();
    const { sleep } = fakeSleep();
    const errors: AgentOpsError[] = [];
    const { fetch } = fakeFetch(() => json(500, { error: "oops" }));
    const c = client(fetch, { sleep, maxRetries: 0, strict: true, flushIntervalMs: 100, onError: (e: AgentOpsError) => errors.push(e) });
    await c.startRun();
    await vi.advanceTimersByTimeAsync(100);
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect(errors[0]).toBeInstanceOf(ServerError);
  });

  it("strict: a method without an agent rejects", async () => {
    const { fetch } = fakeFetch();
    const c = new AgentOpsClient({ apiKey: "k", baseUrl: "https://hub.test", fetch, strict: true, flushIntervalMs: 0 });
    await expect(c.startRun()).rejects.toBeInstanceOf(AgentOpsError);
  });
});

describe("isPaused", () => {
  it("follows agent_status of the 202 answers", async () => {
    let status = "paused";
    const { fetch } = fakeFetch(() => accepted(status));
    const c = client(fetch);
    expect(c.isPaused).toBe(false);
    const runId = await c.startRun();
    await c.flush();
    expect(c.isPaused).toBe(true);
    await c.recordToolCall({ runId, toolName: "x" });
    await c.flush();
    expect(c.isPaused).toBe(true);
    status = "active";
    await c.endRun({ runId });
    expect(c.isPaused).toBe(false);
  });
});

describe("error mapping", () => {
  const cases: [number, string | undefined, Function][] = [
    [401, "unauthenticated", AuthenticationError],
    [403, "forbidden", PermissionError],
    [404, "not_found", NotFoundError],
    [400, "validation_failed", ValidationError],
    [422, undefined, ValidationError],
    [429, undefined, RateLimitError],
    [500, undefined, ServerError],
    [503, undefined, ServerError],
    // the code wins over the status
    [400, "rate_limited", RateLimitError],
    [401, "forbidden", PermissionError],
  ];
  for (const [status, code, cls] of cases) {
    it(`${status} ${code ?? "(no code)"} -> ${cls.name}`, async () => {
      const { fetch } = fakeFetch(() =>
        json(status, { error: "msg", ...(code ? { code } : {}), request_id: "req_9" }),
      );
      const c = client(fetch, { maxRetries: 0, strict: true });
      const err = await c.raw.GET("/api/v1/runs").catch((e) => e);
      expect(err).toBeInstanceOf(cls);
      expect(err).toBeInstanceOf(AgentOpsError);
      expect(err.status).toBe(status);
      expect(err.code).toBe(code);
      expect(err.requestId).toBe("req_9");
      expect(err.message).toBe("msg (request id: req_9)");
    });
  }

  it("ValidationError carries details.fields; request id falls back to X-Request-Id", async () => {
    const { fetch } = fakeFetch(() =>
      json(400, { error: "bad", code: "validation_failed", details: { fields: [{ field: "run_id", problem: "must not be blank" }] } }),
    );
    const c = client(fetch, { maxRetries: 0 });
    const err = await c.raw.GET("/api/v1/runs").catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.fields).toEqual([{ field: "run_id", problem: "must not be blank" }]);
    expect(err.requestId).toBe("req_test");
  });
});
