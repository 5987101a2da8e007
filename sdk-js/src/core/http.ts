import { randomUUID } from "./uuid.js";
import { AgentOpsError, ConnectionError, errorFromResponse, parseRetryAfter } from "./errors.js";
import { SDK_VERSION } from "../generated/version.js";

/** Sent on every request so the server's access log tells which SDK and version called (browsers may drop it). */
export const USER_AGENT = `agentops-sdk-js/${SDK_VERSION}`;

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
  /** Time limit of one attempt, in ms (default 10 000); a timed-out attempt is retried like a network error. */
  timeoutMs?: number;
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
 * A fetch with the SDK's rules (the same in the Java SDK, README "Retries"): retries network errors and timeouts,
 * 408, 429, 5xx and 409 `idempotency_in_progress` (`Retry-After` honoured on 429/503, otherwise exponential back-off
 * with full jitter), never other 4xx; adds one `Idempotency-Key` (a random UUID) to every POST, reused by each of its
 * retries; throws a typed {@link AgentOpsError} for any error answer left after the retries. A 2xx/3xx Response is
 * returned untouched, so openapi-fetch can sit on top of it.
 */
export function createRetryingFetch(options: HttpOptions = {}): (input: Request) => Promise<Response> {
  const maxRetries = Math.max(0, options.maxRetries ?? 3);
  const base = options.baseDelayMs ?? 500;
  const max = options.maxDelayMs ?? 30_000;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const newKey = options.newIdempotencyKey ?? (() => randomUUID());
  const timeoutMs = Math.max(0, options.timeoutMs ?? 10_000);

  return async (input: Request): Promise<Response> => {
    const doFetch = (options.fetch ?? globalThis.fetch) as FetchLike;
    const request = input;
    if (!request.headers.has("user-agent")) request.headers.set("User-Agent", USER_AGENT);
    if (request.method === "POST" && !request.headers.has("idempotency-key")) {
      request.headers.set("Idempotency-Key", newKey());
    }
    // Buffer the body once so every attempt sends the same bytes under the same key.
    const body = request.body === null ? undefined : await request.clone().arrayBuffer();
    for (let attempt = 0; ; attempt++) {
      // one controller per attempt: our time limit, or the caller's own abort
      const controller = new AbortController();
      const abort = () => controller.abort(request.signal.reason);
      if (request.signal?.aborted) abort();
      else request.signal?.addEventListener("abort", abort, { once: true });
      const timer = timeoutMs > 0 ? setTimeout(() => controller.abort(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs) : undefined;
      const attemptRequest = new Request(request.url, {
        method: request.method,
        headers: request.headers,
        body,
        signal: controller.signal,
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
        const reason = controller.signal.aborted && controller.signal.reason instanceof Error
          ? controller.signal.reason.message
          : cause instanceof Error ? cause.message : String(cause);
        throw new ConnectionError(`Could not reach ${new URL(request.url).origin}: ${reason}`, { cause });
      } finally {
        if (timer) clearTimeout(timer);
        request.signal?.removeEventListener("abort", abort);
      }
      if (response.ok || (response.status >= 300 && response.status < 400)) return response;
      if (response.status === 409) {
        // retried only while the first request with this key is still running on the server
        const conflict = await readBody(response);
        if (attempt < maxRetries && (conflict as { code?: string } | undefined)?.code === "idempotency_in_progress") {
          await sleep(backoffDelay(attempt, base, max, random));
          continue;
        }
        throw errorFromResponse(response.status, response.headers, conflict);
      }
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
