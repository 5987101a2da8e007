import { vi } from "vitest";

export interface Recorded {
  method: string;
  url: string;
  headers: Headers;
  body: any;
  /** The body exactly as sent. */
  raw: string;
}

/** What the fake answers to GET /api/v1/controls/agent-status (404 not_found while `known` is false). */
export interface FakeStatus {
  known: boolean;
  agent_status: string;
  halted: boolean;
  paused_reason: string | null;
  budget_status?: string;
}

export type Responder = (req: Recorded, index: number) => Response | Promise<Response>;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "x-request-id": "req_test", ...headers },
  });
}

export const accepted = (agentStatus = "active", halted = false, pausedReason: string | null = null, budgetStatus = "ok") =>
  json(202, {
    id: "00000000-0000-0000-0000-000000000001",
    status: "queued",
    run_id: "r",
    agent_status: agentStatus,
    halted,
    paused_reason: pausedReason,
    budget_status: budgetStatus,
    message: "Processing...",
  });

/**
 * A fake fetch recording every request in `calls` and answering with `responder` (default: 202 accepted, with the
 * agent status of `status`). The agent
 * status read is answered apart, from `status`, recorded in `statusCalls`, and never reaches the responder; with
 * `wait_s` and `known` it is held like the server's long-poll, until `status` differs from `known` (checked every
 * 5 ms), the wait ends or the request is aborted.
 */
export function fakeFetch(responder?: Responder) {
  const calls: Recorded[] = [];
  const statusCalls: Recorded[] = [];
  const status: FakeStatus = { known: true, agent_status: "active", halted: false, paused_reason: null };
  const fn = vi.fn(async (request: Request) => {
    const text = request.body ? await request.text() : "";
    const rec: Recorded = {
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: text ? JSON.parse(text) : undefined,
      raw: text,
    };
    if (new URL(request.url).pathname === "/api/v1/controls/agent-status") {
      statusCalls.push(rec);
      if (!status.known) return json(404, { error: "agent not found", code: "not_found" });
      const query = new URL(request.url).searchParams;
      const known = query.get("known");
      const deadline = Date.now() + Number(query.get("wait_s") ?? 0) * 1000;
      const current = () => (status.agent_status === "paused" || status.halted ? "paused" : status.agent_status);
      while (known !== null && current() === known && Date.now() < deadline) {
        if (request.signal.aborted) throw request.signal.reason ?? new Error("aborted");
        await new Promise((ok) => setTimeout(ok, 5));
      }
      const { known: _known, ...data } = status;
      return json(200, {
        data: {
          agent_id: "7f1f0a4e-0000-4000-8000-000000000001",
          budget_status: "ok",
          ...data,
          pause_source: data.paused_reason ? "person" : null,
        },
      });
    }
    calls.push(rec);
    return responder
      ? responder(rec, calls.length - 1)
      : accepted(status.agent_status, status.halted, status.paused_reason, status.budget_status ?? "ok");
  });
  return { fetch: fn, calls, statusCalls, status };
}

export function fakeSleep() {
  const waits: number[] = [];
  const sleep = vi.fn(async (ms: number) => {
    waits.push(ms);
  });
  return { sleep, waits };
}
