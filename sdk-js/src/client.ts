import canonicalize from "canonicalize";
import createClient from "openapi-fetch";
import type { Client } from "openapi-fetch";
import type { components, paths } from "./generated/schema.js";
import {
  AgentOpsError,
  AgentPausedError,
  ConnectionError,
  errorFromResponse,
  RateLimitError,
  ServerError,
} from "./core/errors.js";
import { createRetryingFetch, type FetchLike, type RetryOptions } from "./core/http.js";
import { randomUUID } from "./core/uuid.js";
import { usageFields, type ProviderUsage } from "./core/usage.js";
import { LONG_POLL_WAIT_S, PauseMonitor, type AgentStatusBody } from "./pause-monitor.js";
import {
  checkedActionKey,
  performedActionKey,
  type ApprovalOutcome,
  type ApprovalResult,
  type CheckPolicyParams,
  type PolicyCheck,
  type PolicyFailMode,
  type PolicyReason,
  type WaitForApprovalOptions,
} from "./policy.js";
import type { BudgetStatus, Decision, EventType, FinalRunStatus, PauseSource, UsageFormat } from "./types.js";

type IngestRunRequest = components["schemas"]["IngestRunRequest"];

export interface AgentOpsClientOptions extends RetryOptions {
  /** API key with the `ingest` scope (`read` too for reads). Default: env AGENTOPS_API_KEY. */
  apiKey?: string;
  /** The agent's id or slug. Default: env AGENTOPS_AGENT_ID. */
  agentId?: string;
  /** Default: env AGENTOPS_BASE_URL, else http://localhost:8080. */
  baseUrl?: string;
  /** Buffered items (events, run starts, run ends) that trigger a send, and most events per request (default 100, max 1000). */
  flushAt?: number;
  /** Buffered telemetry is sent at least this often, in ms (default 1000; 0 disables the timer). */
  flushIntervalMs?: number;
  /** Retries per request after the first attempt (default 3). */
  maxRetries?: number;
  /** Items kept while AgentOps is unreachable; beyond it new telemetry is dropped and reported (default 10 000). */
  maxBufferedItems?: number;
  /** When true, failures reject the calling method / flush() with the typed error, and startRun on a paused agent
   * rejects with AgentPausedError (default false: never throw). */
  strict?: boolean;
  /** Called with every telemetry failure, strict or not (default: console.warn). */
  onError?: (error: AgentOpsError) => void;
  /** Told once per change when an agent is paused or resumed (default: none; read `isPaused`). */
  onPause?: (paused: boolean, reason: string | null) => void;
  /**
   * Told once per change of an agent's budget state (`ok` → `warning` → `exceeded`, and back when a budget is raised
   * or a new period starts), from ingest acks and status reads (default: none; read `budgetStatus`).
   */
  onBudgetStatus?: (status: BudgetStatus, agentId: string) => void;
  /**
   * What `checkPolicy` answers when the server cannot be reached (or, unless strict, fails): `closed` (default) →
   * `block`, `open` → `allow`; either way with one reason `{code: "unreachable"}` (or the error's code).
   */
  policyFailMode?: PolicyFailMode;
  /** A fetch implementation (default: global fetch). */
  fetch?: FetchLike | typeof globalThis.fetch;
  /** Where timestamps come from, in epoch ms (tests fix it; default Date.now). */
  clock?: () => number;
  /** Where run and event ids come from (tests make them predictable; default random UUIDs). */
  newId?: () => string;
}

export interface StartRunParams {
  input?: unknown;
  metadata?: Record<string, unknown>;
  tags?: string[];
  /** Your own id for the run (stored as `external_reference`); default a new UUID. */
  runId?: string;
  /** Overrides the client's agentId for this run. */
  agentId?: string;
}

export interface RecordToolCallParams {
  runId: string;
  toolName: string;
  input?: unknown;
  output?: unknown;
  /** An error message (an Error's message is taken) when the tool failed. */
  error?: unknown;
  durationMs?: number;
}

export interface RecordLlmCallParams {
  runId: string;
  model: string;
  /**
   * The provider's usage object as its SDK returns it: OpenAI (Chat or Responses) or Anthropic `usage` and the
   * canonical form are normalised on the client; Gemini `usageMetadata`, Bedrock Converse `usage`, Vercel AI SDK
   * `usage`, LangChain `usage_metadata` and Cohere `usage`/`meta` are sent as they are with their shape as the hint.
   */
  usage?: ProviderUsage | null;
  /** Forces the usage shape when detection would guess wrong (see README, "Token usage"). */
  usageFormat?: UsageFormat;
  /** Who served it (`openai`, `anthropic`). */
  provider?: string;
  /** The prompt or messages. */
  request?: unknown;
  /** The completion. */
  response?: unknown;
  durationMs?: number;
  /** Your own cost for this call; wins over the server's price. */
  costUsd?: number;
}

export interface RecordExternalActionParams {
  runId: string;
  /** What was done (`send_email`, `issue_refund`). */
  actionType: string;
  /** On what or whom. */
  target?: string;
  /** The action's details. */
  payload?: unknown;
  /**
   * The approval that allowed it. Default: the approval of this run's check of the same action, once
   * `waitForApproval` saw it approved (see README, "Policies and approvals").
   */
  approvalId?: string;
  durationMs?: number;
  costUsd?: number;
}

export interface RecordErrorParams {
  runId: string;
  error: unknown;
  payload?: Record<string, unknown>;
}

export interface EndRunParams {
  runId: string;
  status?: FinalRunStatus;
  output?: unknown;
  error?: unknown;
}

/** The check's answer (`data` of `POST /api/v1/policies/check`). */
interface CheckAnswer {
  decision: Decision;
  reasons?: PolicyReason[];
  approval?: { id: string; status: string; expires_at: string } | null;
}

/** The wait's answer (`data` of `GET /api/v1/approvals/{id}/wait`); `pending` = the wait timed out. */
interface WaitAnswer {
  id: string;
  status: "pending" | "approved" | "rejected" | "expired";
  comment?: string | null;
  decided_by?: string | null;
}

/** One event as sent: the envelope every event type shares (absent fields are left out). */
interface IngestEvent {
  event_id: string;
  event_type: EventType;
  timestamp: string;
  duration_ms?: number;
  payload?: Record<string, unknown>;
  model?: string;
  token_usage?: Record<string, unknown>;
  cost_usd?: number;
  usage_format?: UsageFormat;
}

type Piece = Record<string, unknown> & { run_id: string; agent_id: string | undefined; events?: IngestEvent[] };

interface RunBuffer {
  agentId: string | undefined;
  /** Run-level fields not sent yet (start and end). */
  fields: Record<string, unknown>;
  events: IngestEvent[];
}

/** Pieces taken from the buffer in one go, and how many buffered items they were. */
interface Cut {
  pieces: Piece[];
  items: number;
}

const env = (name: string): string | undefined => {
  const proc = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  const value = proc?.env?.[name];
  return value && value.trim() ? value.trim() : undefined;
};

/** Run input and output are JSON objects: anything else is sent as `{ value }`, as the Java SDK does. */
const asObject = (value: unknown): Record<string, unknown> | undefined =>
  value === undefined || value === null
    ? undefined
    : typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : { value };

const errorMessage = (error: unknown): string | undefined =>
  error === undefined || error === null ? undefined : error instanceof Error ? error.message : String(error);

const toAgentOpsError = (error: unknown): AgentOpsError =>
  error instanceof AgentOpsError ? error : new AgentOpsError(errorMessage(error) ?? "unknown error", { cause: error });

/** Drops undefined values so that absent optional fields are left out, as the Java SDK leaves out nulls. */
const defined = <T extends Record<string, unknown>>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/** The longest hold of one approval wait the API allows (`timeout_s` 0–60). */
const APPROVAL_WAIT_MAX_S = 60;
/** Pause between two waits when the server could not be reached, so an outage is not a busy loop. */
const APPROVAL_RETRY_PAUSE_MS = 1000;

const monotonic = (): number =>
  typeof globalThis.performance?.now === "function" ? globalThis.performance.now() : Date.now();

/**
 * The AgentOps Hub client: records runs and their events, buffered and sent to `POST /api/v1/ingest/run` with
 * retries, idempotency keys and typed errors. When `flushAt` items (events, run starts, run ends) are buffered, on
 * `endRun`, `flush()`, `shutdown()` and every `flushIntervalMs`, the buffer is cut into pieces (per run, at most
 * `flushAt` events each) sent one after another. Bodies are canonical JSON (RFC 8785), byte-equal to what the Java SDK
 * sends for the same calls (`docs/contract/sdk-payloads.json`).
 */
export class AgentOpsClient {
  /** The typed low-level client (openapi-fetch) for every path; same auth, retries and typed errors. */
  readonly raw: Client<paths>;
  readonly baseUrl: string;
  readonly agentId: string | undefined;
  readonly strict: boolean;
  private readonly flushAt: number;
  private readonly flushIntervalMs: number;
  private readonly maxBufferedItems: number;
  private readonly onError: (error: AgentOpsError) => void;
  private readonly clock: () => number;
  private readonly newId: () => string;
  private readonly pauses: PauseMonitor;
  /** Buffered pieces per run, in the order runs were first touched since the last cut. */
  private readonly pending = new Map<string, RunBuffer>();
  /** Runs started and not ended yet, with their agent. */
  private readonly openRuns = new Map<string, string>();
  private buffered = 0;
  /** Items cut and waiting for the sender; counted against maxBufferedItems too. */
  private queued = 0;
  private overflowReported = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sending: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly policyFailMode: PolicyFailMode;
  private readonly sleep: (ms: number) => Promise<void>;
  /** The approval waits: one request each (the loop is the retry), a time limit past the longest server hold. */
  private readonly waitFetch: (input: Request) => Promise<Response>;
  private readonly authHeaders: Record<string, string> | undefined;
  /** Per run: approvals seen approved and not used yet, by the canonical JSON of the action they are bound to. */
  private readonly approved = new Map<string, Map<string, string>>();

  constructor(options: AgentOpsClientOptions = {}) {
    const apiKey = options.apiKey ?? env("AGENTOPS_API_KEY");
    this.baseUrl = (options.baseUrl ?? env("AGENTOPS_BASE_URL") ?? "http://localhost:8080").replace(/\/+$/, "");
    this.agentId = options.agentId ?? env("AGENTOPS_AGENT_ID");
    this.strict = options.strict ?? false;
    this.flushAt = Math.min(1000, Math.max(1, options.flushAt ?? 100));
    this.flushIntervalMs = Math.max(0, options.flushIntervalMs ?? 1000);
    this.maxBufferedItems = Math.max(1, options.maxBufferedItems ?? 10_000);
    this.clock = options.clock ?? Date.now;
    this.newId = options.newId ?? randomUUID;
    this.onError =
      options.onError ?? ((error) => console.warn(`[agentops] telemetry not sent: ${error.message}`));
    if (!apiKey && this.strict) {
      throw new AgentOpsError("No API key: pass apiKey or set AGENTOPS_API_KEY", { code: "configuration" });
    }
    const headers = apiKey ? { Authorization: `Bearer ${apiKey}` } : undefined;
    this.authHeaders = headers;
    this.policyFailMode = options.policyFailMode ?? "closed";
    this.sleep = options.sleep ?? ((ms) => new Promise((ok) => setTimeout(ok, ms)));
    this.waitFetch = createRetryingFetch({ ...options, maxRetries: 0, timeoutMs: (APPROVAL_WAIT_MAX_S + 10) * 1000 });
    this.raw = createClient<paths>({
      baseUrl: this.baseUrl,
      fetch: createRetryingFetch({ ...options, maxRetries: options.maxRetries ?? 3 }),
      headers,
    });
    // the status read: once (the long-poll loop is its retry), a time limit past the longest server hold
    const statusFetch = createRetryingFetch({ ...options, maxRetries: 0, timeoutMs: (LONG_POLL_WAIT_S + 10) * 1000 });
    this.pauses = new PauseMonitor({
      read: async (agentId, read) => {
        const query = new URLSearchParams({ agent_id: agentId });
        if (read?.waitS !== undefined && read.known) {
          query.set("wait_s", String(read.waitS));
          query.set("known", read.known);
        }
        const url = `${this.baseUrl}/api/v1/controls/agent-status?${query}`;
        const response = await statusFetch(
          new Request(url, { headers: { Accept: "application/json", ...headers }, signal: read?.signal }),
        );
        const body = (await response.json().catch(() => undefined)) as { data?: AgentStatusBody } | undefined;
        if (!body?.data) throw errorFromResponse(502, response.headers, { error: "unreadable agent status" });
        return body.data;
      },
      openAgents: () => this.openRuns.values(),
      onPause: options.onPause,
      onBudgetStatus: options.onBudgetStatus,
      report: (error) => this.onErrorSafe(error),
      now: monotonic,
    });
  }

  /**
   * True when the client's agent is paused (by a person, the kill switch, a budget or a policy) or its organization
   * halted: stop the agent's work. Never calls the server itself: while a run is open a long-polling status read is
   * held on the server, which answers as soon as the agent is paused or resumed (so this flips within a round trip of
   * the pause), and SDK calls refresh it when no read is held and it is older than a second. Without a default
   * agent: whether any agent this client saw is paused.
   */
  get isPaused(): boolean {
    return this.agentId !== undefined ? this.pauses.isPaused(this.agentId) : this.pauses.anyPaused();
  }

  /** True when this agent (id or slug, as sent to ingest) is paused. */
  isAgentPaused(agentId: string): boolean {
    return this.pauses.isPaused(agentId);
  }

  /** Why the agent was paused (`paused_reason`), or null. */
  pausedReason(agentId: string | undefined = this.agentId): string | null {
    return agentId === undefined ? null : this.pauses.reason(agentId);
  }

  /**
   * The worst state of the budgets covering the client's agent in their current period (`ok`, `warning` from 80 %,
   * `exceeded` from 100 %), from the last ingest ack or status read; null until the server said. Without a default
   * agent: the worst among the agents this client saw.
   */
  get budgetStatus(): BudgetStatus | null {
    return this.agentId !== undefined ? this.pauses.budgetStatus(this.agentId) : this.pauses.worstBudgetStatus();
  }

  /** The budget state of this agent (id or slug, as sent to ingest), or null until the server said. */
  agentBudgetStatus(agentId: string): BudgetStatus | null {
    return this.pauses.budgetStatus(agentId);
  }

  /** Who paused the agent, or null when it is not paused or the server did not say. */
  pauseSource(agentId: string | undefined = this.agentId): PauseSource | null {
    return agentId === undefined ? null : this.pauses.source(agentId);
  }

  /**
   * Starts a run and returns its id (yours, or a new UUID); the start is sent with the next batch. Reads the agent's
   * status first when what the client knows is older than a second; a strict client then rejects with
   * AgentPausedError for a paused agent (a lenient one starts the run: read `isPaused`).
   */
  async startRun(params: StartRunParams = {}): Promise<string> {
    const agentId = params.agentId ?? this.agentId;
    if (!agentId) {
      await this.fail(new AgentOpsError("No agent: pass agentId or set AGENTOPS_AGENT_ID", { code: "configuration" }));
      return params.runId ?? this.newId();
    }
    await this.pauses.refreshIfStale(agentId);
    if (this.strict && this.pauses.isPaused(agentId)) {
      const reason = this.pauses.reason(agentId);
      throw new AgentPausedError(`Agent ${agentId} is paused${reason ? `: ${reason}` : ""}`, { code: "agent_paused" });
    }
    const runId = params.runId ?? this.newId();
    if (this.dropped()) return runId;
    this.openRuns.set(runId, agentId);
    Object.assign(
      this.buffer(runId).fields,
      defined({
        status: "running",
        start_time: this.timestamp(0),
        input: asObject(params.input),
        tags: params.tags,
        metadata: params.metadata,
      }),
    );
    this.pauses.start();
    await this.added(false);
    return runId;
  }

  /** Records one model call: an `llm_call` event with its usage normalised to the canonical form. */
  recordLlmCall(params: RecordLlmCallParams): Promise<void> {
    const payload = defined({ provider: params.provider, request: params.request, response: params.response });
    return this.addEvent(params.runId, "llm_call", params.durationMs, Object.keys(payload).length ? payload : undefined, {
      model: params.model,
      ...(params.usage
        ? usageFields(params.usage, params.usageFormat)
        : {}),
      cost_usd: params.costUsd,
    });
  }

  /** Records one tool call: a `tool_call` event, `payload: {tool_name, input, output, error}`. */
  recordToolCall(params: RecordToolCallParams): Promise<void> {
    return this.addEvent(
      params.runId,
      "tool_call",
      params.durationMs,
      defined({ tool_name: params.toolName, input: params.input, output: params.output, error: errorMessage(params.error) }),
    );
  }

  /** Records an action with effects outside the agent: `payload: {action_type, target, payload, approval_id}`. */
  recordExternalAction(params: RecordExternalActionParams): Promise<void> {
    const approvalId = params.approvalId ?? this.takeApproval(params);
    return this.addEvent(
      params.runId,
      "external_action",
      params.durationMs,
      defined({ action_type: params.actionType, target: params.target, payload: params.payload, approval_id: approvalId }),
      { cost_usd: params.costUsd },
    );
  }

  /**
   * Asks the server whether the agent may do this now (`POST /api/v1/policies/check`): `allow`, `block` or
   * `require_approval` with the approval request it opened. When the server cannot be reached it answers by
   * `policyFailMode` (`block` by default) with the reason `unreachable`, strict or not; other failures reject only in
   * strict mode (otherwise the same fail-mode answer, reason = the error's code).
   */
  async checkPolicy(params: CheckPolicyParams): Promise<PolicyCheck> {
    const agentId = params.agentId ?? (params.runId ? this.openRuns.get(params.runId) : undefined) ?? this.agentId;
    try {
      if (!agentId) throw new AgentOpsError("No agent: pass agentId or set AGENTOPS_AGENT_ID", { code: "configuration" });
      if (!params.action || typeof params.action.type !== "string") {
        throw new AgentOpsError("checkPolicy needs an action with a type", { code: "configuration" });
      }
      const body = defined({ run_id: params.runId, agent_id: agentId, action: params.action, context: params.context });
      const { data } = await this.raw.POST("/api/v1/policies/check", {
        body: body as never,
        bodySerializer: () => canonicalize(body) ?? "{}",
      });
      const answer = (data as { data?: CheckAnswer } | undefined)?.data ?? (data as CheckAnswer | undefined);
      if (!answer?.decision) throw new ServerError("unreadable policy check answer", { status: 502 });
      const approvalId = answer.approval?.id ?? null;
      const key = checkedActionKey(params.action, params.context);
      return this.policyCheck(answer.decision, answer.reasons ?? [], approvalId, params.runId, key);
    } catch (error) {
      const typed = toAgentOpsError(error);
      this.onErrorSafe(typed);
      const unreachable =
        typed instanceof ConnectionError || typed instanceof ServerError || typed instanceof RateLimitError;
      if (this.strict && !unreachable) throw typed;
      const decision: Decision = this.policyFailMode === "open" ? "allow" : "block";
      const reason: PolicyReason = {
        code: unreachable ? "unreachable" : typed.code ?? "check_failed",
        decision,
        message: `no policy decision from AgentOps (${typed.message}); policyFailMode ${this.policyFailMode}`,
      };
      return this.policyCheck(decision, [reason], null, params.runId, undefined);
    }
  }

  private policyCheck(
    decision: Decision,
    reasons: PolicyReason[],
    approvalId: string | null,
    runId: string | undefined,
    key: string | undefined,
  ): PolicyCheck {
    return {
      decision,
      reasons,
      approvalId,
      waitForApproval: (options?: WaitForApprovalOptions) =>
        approvalId
          ? this.waitForApproval(approvalId, runId, key, options?.timeoutMs ?? 60_000)
          : Promise.resolve({ status: decision === "allow" ? "approved" : "rejected", comment: null, decidedBy: null }),
    };
  }

  /**
   * Long-polls `GET /api/v1/approvals/{id}/wait` (at most 60 s per request, again while `pending`) until the request is
   * decided or expires, or `timeoutMs` has passed (`timeout`). An approved one is remembered for this run's
   * `recordExternalAction` of the same action. Never rejects unless strict (then for errors other than unreachable).
   */
  private async waitForApproval(
    approvalId: string,
    runId: string | undefined,
    key: string | undefined,
    timeoutMs: number,
  ): Promise<ApprovalResult> {
    const deadline = monotonic() + Math.max(0, timeoutMs);
    for (;;) {
      const remainingMs = deadline - monotonic();
      const waitS = Math.max(0, Math.min(APPROVAL_WAIT_MAX_S, Math.ceil(remainingMs / 1000)));
      try {
        const url = `${this.baseUrl}/api/v1/approvals/${encodeURIComponent(approvalId)}/wait?timeout_s=${waitS}`;
        const response = await this.waitFetch(
          new Request(url, { headers: { Accept: "application/json", ...this.authHeaders } }),
        );
        const body = (await response.json().catch(() => undefined)) as { data?: WaitAnswer } | undefined;
        const answer = body?.data;
        if (!answer?.status) throw new ServerError("unreadable approval wait answer", { status: 502 });
        if (answer.status !== "pending") {
          const status = answer.status as ApprovalOutcome;
          if (status === "approved" && runId && key) {
            let byAction = this.approved.get(runId);
            if (!byAction) this.approved.set(runId, (byAction = new Map()));
            byAction.set(key, approvalId);
          }
          return { status, comment: answer.comment ?? null, decidedBy: answer.decided_by ?? null };
        }
      } catch (error) {
        const typed = toAgentOpsError(error);
        this.onErrorSafe(typed);
        const unreachable =
          typed instanceof ConnectionError || typed instanceof ServerError || typed instanceof RateLimitError;
        if (!unreachable) {
          if (this.strict) throw typed;
          return { status: "timeout", comment: null, decidedBy: null };
        }
        if (monotonic() < deadline) await this.sleep(Math.min(APPROVAL_RETRY_PAUSE_MS, Math.max(0, deadline - monotonic())));
      }
      if (monotonic() >= deadline) return { status: "timeout", comment: null, decidedBy: null };
    }
  }

  /** The approved, unused approval of this run's check of the same action (docs/api.md's hash rule), used up here. */
  private takeApproval(params: RecordExternalActionParams): string | undefined {
    const byAction = this.approved.get(params.runId);
    if (!byAction) return undefined;
    const key = performedActionKey(params.actionType, params.target, params.payload);
    const id = key === undefined ? undefined : byAction.get(key);
    if (id !== undefined && key !== undefined) {
      byAction.delete(key);
      if (byAction.size === 0) this.approved.delete(params.runId);
    }
    return id;
  }

  /** Records an error event in the run (`payload: {message, ...payload}`); the run's status is set by endRun. */
  recordError(params: RecordErrorParams): Promise<void> {
    return this.addEvent(params.runId, "error", undefined, {
      message: errorMessage(params.error) ?? "error",
      ...params.payload,
    });
  }

  /** Ends a run (default status `completed`, or `failed` when `error` is given) and sends everything buffered. */
  async endRun(params: EndRunParams): Promise<void> {
    if (!params.runId) {
      return this.fail(new AgentOpsError("endRun needs a runId", { code: "configuration" }));
    }
    if (this.dropped()) return;
    const error = errorMessage(params.error);
    Object.assign(
      this.buffer(params.runId).fields,
      defined({
        status: params.status ?? (error ? "failed" : "completed"),
        end_time: this.timestamp(0),
        output: asObject(params.output),
        error,
      }),
    );
    this.openRuns.delete(params.runId);
    this.pauses.sync();
    return this.added(true);
  }

  /** Sends everything buffered; resolves when it is sent (rejects in strict mode when something failed). */
  async flush(): Promise<void> {
    await this.pauses.refreshIfStale(this.agentId);
    return this.enqueue(this.cut());
  }

  /** Stops the timers and flushes; call it before a short-lived process (serverless handler, CLI) exits. */
  async shutdown(): Promise<void> {
    this.closed = true;
    this.pauses.close();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private buffer(runId: string): RunBuffer {
    let run = this.pending.get(runId);
    if (!run) {
      run = { agentId: this.openRuns.get(runId) ?? this.agentId, fields: {}, events: [] };
      this.pending.set(runId, run);
    }
    return run;
  }

  /** ISO-8601 UTC with milliseconds, `durationMs` before now: an event's timestamp is when it began. */
  private timestamp(durationMs: number): string {
    return new Date(this.clock() - durationMs).toISOString();
  }

  private async addEvent(
    runId: string,
    type: EventType,
    durationMs: number | undefined,
    payload: Record<string, unknown> | undefined,
    extra: Partial<IngestEvent> = {},
  ): Promise<void> {
    if (!runId) {
      return this.fail(new AgentOpsError("A run id is required", { code: "configuration" }));
    }
    const duration = durationMs === undefined || durationMs === null ? undefined : Math.round(durationMs);
    const event = defined({
      event_id: this.newId(),
      event_type: type,
      timestamp: this.timestamp(duration ?? 0),
      duration_ms: duration,
      payload,
      ...extra,
    }) as IngestEvent;
    await this.pauses.refreshIfStale(this.openRuns.get(runId) ?? this.agentId);
    if (this.dropped()) return;
    this.buffer(runId).events.push(event);
    return this.added(false);
  }

  private dropped(): boolean {
    if (this.closed) {
      console.warn("[agentops] the client is shut down; telemetry recorded after shutdown() is dropped");
      return true;
    }
    const full = this.buffered + this.queued >= this.maxBufferedItems;
    if (full && !this.overflowReported) {
      this.overflowReported = true;
      this.onErrorSafe(
        new AgentOpsError(
          `${this.maxBufferedItems} items are waiting to be sent (is AgentOps reachable?); new telemetry is dropped until they are`,
          { code: "buffer_full" },
        ),
      );
    }
    return full;
  }

  /** Counts one buffered item; at `flushAt` items, or when asked, cuts the buffer and sends it. */
  private added(sendNow: boolean): Promise<void> {
    this.buffered++;
    if (sendNow || this.buffered >= this.flushAt) {
      const sent = this.enqueue(this.cut());
      // a lenient client resolves at once; its failures went to onError
      return this.strict || sendNow ? sent : (sent.catch(() => undefined), Promise.resolve());
    }
    this.schedule();
    return Promise.resolve();
  }

  private schedule(): void {
    if (this.timer || this.closed || this.flushIntervalMs <= 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // errors of a timer flush have no caller: they went to onError already
      this.enqueue(this.cut()).catch(() => undefined);
    }, this.flushIntervalMs);
    (this.timer as { unref?: () => void }).unref?.();
  }

  /**
   * Takes everything buffered as pieces: per run (in the order runs were first touched since the last cut), the first
   * piece with the run's fields and up to `flushAt` events, further pieces with the next events. The Java SDK cuts
   * exactly the same way, which the shared fixture relies on.
   */
  private cut(): Cut {
    const pieces: Piece[] = [];
    for (const [runId, run] of this.pending) {
      let from = 0;
      do {
        const events = run.events.slice(from, from + this.flushAt);
        pieces.push({
          run_id: runId,
          agent_id: run.agentId,
          ...(from === 0 ? run.fields : {}),
          ...(events.length ? { events } : {}),
        });
        from += events.length;
      } while (from < run.events.length);
    }
    this.pending.clear();
    const items = this.buffered;
    this.buffered = 0;
    this.queued += items;
    this.overflowReported = false;
    return { pieces, items };
  }

  /** Sends the pieces after everything queued before them; resolves when sent (rejects in strict mode on failure). */
  private enqueue(cut: Cut): Promise<void> {
    const failures: AgentOpsError[] = [];
    const batch = this.sending.then(() => this.send(cut, failures));
    this.sending = batch.catch(() => undefined);
    return batch.then(() => {
      if (this.strict && failures.length > 0) throw failures[0];
    });
  }

  private async send(cut: Cut, failures: AgentOpsError[]): Promise<void> {
    try {
      for (let i = 0; i < cut.pieces.length; i++) {
        const piece = cut.pieces[i]!;
        if (!piece.agent_id) {
          const error = new AgentOpsError(`Run ${piece.run_id} has no agent: pass agentId`, { code: "configuration" });
          failures.push(error);
          this.onErrorSafe(error);
          continue;
        }
        try {
          const body = canonicalize(piece);
          const { data } = await this.raw.POST("/api/v1/ingest/run", {
            body: piece as unknown as IngestRunRequest,
            bodySerializer: () => body,
          });
          const ack = data as (AgentStatusBody & { data?: AgentStatusBody }) | undefined;
          this.pauses.update(piece.agent_id, ack?.data ?? ack);
        } catch (error) {
          const typed = toAgentOpsError(error);
          failures.push(typed);
          this.onErrorSafe(typed);
          if (typed instanceof ConnectionError || typed instanceof ServerError || typed instanceof RateLimitError) {
            // unreachable or overloaded: keep this piece and the rest (same ids, so a later send never counts twice)
            // for the next flush, unless we are shutting down
            if (!this.closed) this.requeue(cut.pieces.slice(i));
            return;
          }
        }
      }
    } finally {
      this.queued -= cut.items;
    }
  }

  /** Puts unsent pieces back in front of anything buffered since. */
  private requeue(unsent: Piece[]): void {
    const newer = new Map(this.pending);
    this.pending.clear();
    let items = 0;
    for (const piece of unsent) {
      const { run_id, agent_id, events, ...fields } = piece;
      let run = this.pending.get(run_id);
      if (!run) {
        run = { agentId: agent_id, fields: {}, events: [] };
        this.pending.set(run_id, run);
      }
      Object.assign(run.fields, fields);
      if (events) {
        run.events.push(...events);
        items += events.length;
      }
      items++;
    }
    for (const [runId, buffer] of newer) {
      let run = this.pending.get(runId);
      if (!run) {
        run = { agentId: buffer.agentId, fields: {}, events: [] };
        this.pending.set(runId, run);
      }
      Object.assign(run.fields, buffer.fields); // newer values (an end after a start) win
      run.events.push(...buffer.events);
    }
    this.buffered += items;
    this.schedule();
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
