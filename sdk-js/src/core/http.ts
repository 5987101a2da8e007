import { randomUUID } from "./uuid.js";
import { AgentOpsError, ConnectionError, errorFromResponse, parseRetryAfter } from "./errors.js";

export type FetchLike = (input: Request) => Promise<Response>;

export interface RetryOptions {
  /** Retries after the first attempt (default 3). */
  maxRetries?: number;
  /** First back-off ceiling in ms (default 500); doubles on each retry. */
  baseDelayMs?: number;
  /** Upper bound of one back-off and of an honoured `Retry-After`, in ms (default 30 000). */
  maxDelayMs?: number;
  /** Injected for tests: waits `ms` milliseconds. */
  sleep?: (ms: number) => Promise<void>;
  /** Injected for tests: a number in [0, 1). */
  random?: () => number;
}

export interface HttpOptions extends RetryOptions {
  fetch?: FetchLike | typeof globalThis.fetch;
  /** Makes the `Idempotency-Key` of POSTs; default crypto.randomUUID. */
  newIdempotencyKey?: () => string;
}

export const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Statuses worth retrying: the server may answer differently next time. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 408 || status >= 500;
}

/** Exponential back-off with full jitter: random in [0, min(max, base * 2^attempt)). */
export function backoffDelay(attempt: number, base: number, max: number, random: () => number): number {
  return Math.floor(random() * Math.min(max, base * 2 ** attempt));
}

/** Paths that are idempotent by content (run_id / event_id) and need no Idempotency-Key. */
const NATURALLY_IDEMPOTENT = /\/api\/v1\/ingest\/run$/;

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => "");
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return { error: text.slice(0, 500) };
  }
}

/**
 * A fetch that retries (network errors, 408, 429, 5xx; `Retry-After` honoured on 429/503, otherwise exponential
 * back-off with full jitter), adds one `Idempotency-Key` per logical POST (reused by every retry; not on
 * ingestion, which is idempotent by run_id/event_id), and throws a typed {@link AgentOpsError} for any error answer
 * left after the retries. A 2xx/3xx Response is returned untouched, so openapi-fetch can sit on top of it.
 */
export function createRetryingFetch(options: HttpOptions = {}): (input: Request) => Promise<Response> {
  const maxRetries = Math.max(0, options.maxRetries ?? 3);
  const base = options.baseDelayMs ?? 500;
  const max = options.maxDelayMs ?? 30_000;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const newKey = options.newIdempotencyKey ?? (() => randomUUID());

  return async (input: Request): Promise<Response> => {
    const doFetch = (options.fetch ?? globalThis.fetch) as FetchLike;
    const request = input;
    if (
      request.method === "POST" &&
      !request.headers.has("idempotency-key") &&
      !NATURALLY_IDEMPOTENT.test(new URL(request.url).pathname)
    ) {
      request.headers.set("Idempotency-Key", newKey());
    }
    // Buffer the body once so every attempt sends the same bytes (same run_id/event_ids on a retried ingestion).
    const body = request.body === null ? undefined : await request.clone().arrayBuffer();
    for (let attempt = 0; ; attempt++) {
      const attemptRequest = new Request(request.url, {
        method: request.method,
        headers: request.headers,
        body,
        signal: request.signal,
      });
      let response: Response;
      try {
        response = await doFetch(attemptRequest);
      } catch (cause) {
        if (request.signal?.aborted) throw cause;
        if (attempt < maxRetries) {
          await sleep(backoffDelay(attempt, base, max, random));
          continue;
        }
        const reason = cause instanceof Error ? cause.message : String(cause);
        throw new ConnectionError(`Could not reach ${new URL(request.url).origin}: ${reason}`, { cause });
      }
      if (response.ok || (response.status >= 300 && response.status < 400)) return response;
      if (attempt < maxRetries && isRetryableStatus(response.status)) {
        const retryAfter =
          response.status === 429 || response.status === 503
            ? parseRetryAfter(response.headers.get("retry-after"))
            : undefined;
        await response.body?.cancel().catch(() => undefined);
        await sleep(retryAfter !== undefined ? Math.min(max, retryAfter * 1000) : backoffDelay(attempt, base, max, random));
        continue;
      }
      throw errorFromResponse(response.status, response.headers, await readBody(response));
    }
  };
}

export { AgentOpsError };
