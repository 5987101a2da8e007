import createClient from "openapi-fetch";
import type { Client } from "openapi-fetch";
import type { components, paths } from "./generated/schema.js";
import { AgentOpsError } from "./core/errors.js";
import { createRetryingFetch, type FetchLike, type RetryOptions } from "./core/http.js";
import { randomUUID } from "./core/uuid.js";
import { normalizeUsage, type AnyUsage, type UsageFormat } from "./core/usage.js";

type IngestRunRequest = components["schemas"]["IngestRunRequest"];
type IngestAccepted = components["schemas"]["IngestAccepted"];

export type RunStatus = "completed" | "failed" | "cancelled";
export type EventType = "llm_call" | "tool_call" | "external_action" | "policy_check" | "approval" | "log" | "error" | "custom";

export interface AgentOpsClientOptions extends RetryOptions {
  /** API key with the `ingest` scope (`read` too for reads). Default: env AGENTOPS_API_KEY. */
  apiKey?: string;
  /** The agent's id or slug. Default: env AGENTOPS_AGENT_ID. */
  agentId?: string;
  /** Default: env AGENTOPS_BASE_URL, else http://localhost:8080. */
  baseUrl?: string;
  /** Events buffered per run before a batch is sent (default 50, max 1000). */
  flushAt?: number;
  /** Buffered telemetry is sent at least this often, in ms (default 5000; 0 disables the timer). */
  flushIntervalMs?: number;
  /** Retries per request after the first attempt (default 3). */
  maxRetries?: number;
  /** When true, failures reject the calling method / flush() with the typed error (default false: never throw). */
  strict?: boolean;
  /** Called with every telemetry failure, strict or not (default: console.warn). */
  onError?: (error: AgentOpsError) => void;
  /** A fetch implementation (default: global fetch). */
  fetch?: FetchLike | typeof globalThis.fetch;
}

export interface StartRunParams {
  input?: unknown;
  metadata?: Record<string, unknown>;
  tags?: string[];
  /** Your own id for the run (stored as `external_reference`); default crypto.randomUUID(). */
  runId?: string;
  /** Overrides the client's agentId for this run. */
  agentId?: string;
}

export interface RecordToolCallParams {
  runId: string;
  toolName: string;
  input?: unknown;
  output?: unknown;
  durationMs?: number;
  error?: unknown;
}

export interface RecordLlmCallParams {
  runId: string;
  model: string;
  /** OpenAI (Chat or Responses) or Anthropic `usage`, or the canonical form; normalised on the client. */
  usage?: AnyUsage | null;
  /** Forces the usage shape when detection would guess wrong (see README, "Token usage"). */
  usageFormat?: UsageFormat;
  input?: unknown;
  output?: unknown;
  durationMs?: number;
  /** Your own cost for this call; wins over the server's price. */
  costUsd?: number;
}

export interface RecordExternalActionParams {
  runId: string;
  actionType: string;
  payload?: unknown;
  costUsd?: number;
  durationMs?: number;
}

export interface RecordErrorParams {
  runId: string;
  error: unknown;
  payload?: Record<string, unknown>;
}

export interface EndRunParams {
  runId: string;
  status?: RunStatus;
  output?: unknown;
  error?: unknown;
}

interface IngestEvent {
  event_id: string;
  event_type: EventType;
  timestamp: string;
  duration_ms?: number;
  payload?: Record<string, unknown>;
  model?: string;
  token_usage?: Record<string, number>;
  usage_format?: UsageFormat;
  cost_usd?: number;
}

interface RunState {
  agentId: string;
  /** Run-level fields not sent yet (start and end pieces). */
  fields: Partial<IngestRunRequest> & Record<string, unknown>;
  events: IngestEvent[];
  ended: boolean;
}

const env = (name: string): string | undefined => {
  const proc = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  const value = proc?.env?.[name];
  return value && value.trim() ? value.trim() : undefined;
};

const asObject = (value: unknown): Record<string, unknown> | undefined =>
  value === undefined ? undefined : value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : { value };

const errorMessage = (error: unknown): string | undefined =>
  error === undefined || error === null ? undefined : error instanceof Error ? error.message : String(error);

const toAgentOpsError = (error: unknown): AgentOpsError =>
  error instanceof AgentOpsError ? error : new AgentOpsError(errorMessage(error) ?? "unknown error", { cause: error });

/**
 * The AgentOps Hub client: records runs and their events, buffered and sent in batches to
 * `POST /api/v1/ingest/run` (one piece per run per batch), with retries and typed errors.
 */
export class AgentOpsClient {
  /** The typed low-level client (openapi-fetch) for every path; same auth, retries and typed errors. */
  readonly raw: Client<paths>;
  readonly baseUrl: string;
  readonly agentId: string | undefined;
  readonly strict: boolean;
  private readonly flushAt: number;
  private readonly flushIntervalMs: number;
  private readonly onError: (error: AgentOpsError) => void;
  private readonly runs = new Map<string, RunState>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sending: Promise<void> = Promise.resolve();
  private paused = false;
  private closed = false;

  constructor(options: AgentOpsClientOptions = {}) {
    const apiKey = options.apiKey ?? env("AGENTOPS_API_KEY");
    this.baseUrl = (options.baseUrl ?? env("AGENTOPS_BASE_URL") ?? "http://localhost:8080").replace(/\/+$/, "");
    this.agentId = options.agentId ?? env("AGENTOPS_AGENT_ID");
    this.strict = options.strict ?? false;
    this.flushAt = Math.min(1000, Math.max(1, options.flushAt ?? 50));
    this.flushIntervalMs = Math.max(0, options.flushIntervalMs ?? 5000);
    this.onError =
      options.onError ?? ((error) => console.warn(`[agentops] telemetry not sent: ${error.message}`));
    if (!apiKey && this.strict) {
      throw new AgentOpsError("No API key: pass apiKey or set AGENTOPS_API_KEY", { code: "configuration" });
    }
    const fetch = createRetryingFetch({ ...options, maxRetries: options.maxRetries ?? 3 });
    this.raw = createClient<paths>({
      baseUrl: this.baseUrl,
      fetch,
      headers: apiKey ? { Authorization: `Bearer ${apiKey}` } : undefined,
    });
  }

  /** True after the server answered `agent_status: "paused"`, until an answer says the agent is active again. */
  get isPaused(): boolean {
    return this.paused;
  }

  /** Starts a run and returns its id (yours, or a new UUID). The start is sent with the run's next batch. */
  async startRun(params: StartRunParams = {}): Promise<string> {
    const runId = params.runId ?? randomUUID();
    const agentId = params.agentId ?? this.agentId;
    if (!agentId) {
      await this.fail(new AgentOpsError("No agent: pass agentId or set AGENTOPS_AGENT_ID", { code: "configuration" }));
      return runId;
    }
    const state = this.state(runId, agentId);
    Object.assign(state.fields, {
      status: "running",
      start_time: new Date().toISOString(),
      ...(params.input !== undefined ? { input: asObject(params.input) } : {}),
      ...(params.metadata ? { metadata: params.metadata } : {}),
      ...(params.tags ? { tags: params.tags } : {}),
    });
    this.schedule();
    return runId;
  }

  /** Records one tool call (event type `tool_call`). */
  recordToolCall(params: RecordToolCallParams): Promise<void> {
    return this.addEvent(params.runId, {
      event_type: "tool_call",
      duration_ms: params.durationMs,
      payload: {
        tool_name: params.toolName,
        ...(params.input !== undefined ? { input: params.input } : {}),
        ...(params.output !== undefined ? { output: params.output } : {}),
        ...(params.error !== undefined && params.error !== null ? { error: errorMessage(params.error) } : {}),
      },
    });
  }

  /** Records one model call (event type `llm_call`) with its usage normalised to the canonical form. */
  recordLlmCall(params: RecordLlmCallParams): Promise<void> {
    const payload: Record<string, unknown> = {};
    if (params.input !== undefined) payload["input"] = params.input;
    if (params.output !== undefined) payload["output"] = params.output;
    return this.addEvent(params.runId, {
      event_type: "llm_call",
      model: params.model,
      duration_ms: params.durationMs,
      payload,
      cost_usd: params.costUsd,
      ...(params.usage
        ? {
            token_usage: { ...normalizeUsage(params.usage, params.usageFormat) },
            usage_format: "agentops" as const,
          }
        : {}),
    });
  }

  /** Records an action with effects outside the agent (e-mail sent, payment, ticket...). */
  recordExternalAction(params: RecordExternalActionParams): Promise<void> {
    return this.addEvent(params.runId, {
      event_type: "external_action",
      duration_ms: params.durationMs,
      cost_usd: params.costUsd,
      payload: {
        action_type: params.actionType,
        ...(params.payload !== undefined ? { payload: params.payload } : {}),
      },
    });
  }

  /** Records an error event in the run (the run's own status is set by endRun). */
  recordError(params: RecordErrorParams): Promise<void> {
    return this.addEvent(params.runId, {
      event_type: "error",
      payload: { message: errorMessage(params.error) ?? "error", ...params.payload },
    });
  }

  /** Ends a run (default status `completed`, or `failed` when `error` is given) and sends what it has buffered. */
  async endRun(params: EndRunParams): Promise<void> {
    const state = this.runs.get(params.runId) ?? (this.agentId ? this.state(params.runId, this.agentId) : undefined);
    if (!state) {
      return this.fail(new AgentOpsError(`Unknown run ${params.runId} and no default agentId`, { code: "configuration" }));
    }
    const error = errorMessage(params.error);
    Object.assign(state.fields, {
      status: params.status ?? (error ? "failed" : "completed"),
      end_time: new Date().toISOString(),
      ...(params.output !== undefined ? { output: asObject(params.output) } : {}),
      ...(error ? { error } : {}),
    });
    state.ended = true;
    return this.send([params.runId]);
  }

  /** Sends everything buffered; resolves when it is sent (rejects in strict mode when something failed). */
  flush(): Promise<void> {
    return this.send([...this.runs.keys()]);
  }

  /** Flushes and stops the timer; call it before a short-lived process (serverless handler, CLI) exits. */
  async shutdown(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private state(runId: string, agentId: string): RunState {
    let state = this.runs.get(runId);
    if (!state) {
      state = { agentId, fields: {}, events: [], ended: false };
      this.runs.set(runId, state);
    }
    return state;
  }

  private async addEvent(runId: string, event: Omit<IngestEvent, "event_id" | "timestamp">): Promise<void> {
    const existing = this.runs.get(runId);
    const agentId = existing?.agentId ?? this.agentId;
    if (!runId || !agentId) {
      return this.fail(new AgentOpsError(`Unknown run ${runId} and no default agentId`, { code: "configuration" }));
    }
    const state = existing ?? this.state(runId, agentId);
    const now = Date.now();
    const clean = Object.fromEntries(Object.entries(event).filter(([, v]) => v !== undefined)) as typeof event;
    state.events.push({
      event_id: randomUUID(),
      timestamp: new Date(now - (event.duration_ms ?? 0)).toISOString(),
      ...clean,
    });
    if (state.events.length >= this.flushAt) {
      const sent = this.send([runId], true);
      if (this.strict) return sent;
      return;
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.timer || this.closed || this.flushIntervalMs <= 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // errors of a timer flush have no caller: they went to onError already
      this.flush().catch(() => undefined);
    }, this.flushIntervalMs);
    (this.timer as { unref?: () => void }).unref?.();
  }

  /** Takes the buffered pieces of these runs and sends them one after another (batches never overlap). */
  private send(runIds: string[], onlyFullBatches = false): Promise<void> {
    const pieces: IngestRunRequest[] = [];
    for (const runId of runIds) {
      const state = this.runs.get(runId);
      if (!state) continue;
      const hasFields = Object.keys(state.fields).length > 0;
      while (state.events.length > 0 || hasFields) {
        if (onlyFullBatches && state.events.length < this.flushAt && !state.ended) break;
        const events = state.events.splice(0, this.flushAt);
        const fields = state.fields;
        state.fields = {};
        pieces.push({
          ...(fields as object),
          run_id: runId,
          agent_id: state.agentId,
          ...(events.length ? { events } : {}),
        } as IngestRunRequest);
        if (state.events.length === 0) break;
      }
      if (state.ended && state.events.length === 0) this.runs.delete(runId);
    }
    const failures: AgentOpsError[] = [];
    const batch = this.sending.then(async () => {
      for (const piece of pieces) {
        try {
          await this.post(piece);
        } catch (error) {
          const typed = toAgentOpsError(error);
          failures.push(typed);
          this.onErrorSafe(typed);
        }
      }
    });
    this.sending = batch;
    if (this.runs.size > 0) this.schedule();
    return batch.then(() => {
      if (this.strict && failures.length > 0) throw failures[0];
    });
  }

  private async post(piece: IngestRunRequest): Promise<void> {
    const { data } = await this.raw.POST("/api/v1/ingest/run", { body: piece });
    const accepted = data as IngestAccepted | undefined;
    if (accepted?.agent_status) this.paused = accepted.agent_status === "paused";
  }

  private onErrorSafe(error: AgentOpsError): void {
    try {
      this.onError(error);
    } catch {
      // a broken onError must not break the agent either
    }
  }

  private async fail(error: AgentOpsError): Promise<void> {
    this.onErrorSafe(error);
    if (this.strict) throw error;
  }
}
