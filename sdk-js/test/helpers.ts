import { vi } from "vitest";

export interface Recorded {
  method: string;
  url: string;
  headers: Headers;
  body: any;
}

export type Responder = (req: Recorded, index: number) => Response | Promise<Response>;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "x-request-id": "req_test", ...headers },
  });
}

export const accepted = (agentStatus = "active") =>
  json(202, { id: "00000000-0000-0000-0000-000000000001", status: "queued", run_id: "r", agent_status: agentStatus, message: "Processing..." });

/** A fake fetch recording every request; answers with `responder` (default: 202 accepted). */
export function fakeFetch(responder: Responder = () => accepted()) {
  const calls: Recorded[] = [];
  const fn = vi.fn(async (request: Request) => {
    const text = request.body ? await request.text() : "";
    const rec: Recorded = {
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: text ? JSON.parse(text) : undefined,
    };
    calls.push(rec);
    return responder(rec, calls.length - 1);
  });
  return { fetch: fn, calls };
}

export function fakeSleep() {
  const waits: number[] = [];
  const sleep = vi.fn(async (ms: number) => {
    waits.push(ms);
  });
  return { sleep, waits };
}
