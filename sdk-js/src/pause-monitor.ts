import { AgentOpsError, AuthenticationError, NotFoundError, PermissionError, RateLimitError } from "./core/errors.js";
import { BUDGET_STATUSES, PAUSE_SOURCES, type BudgetStatus, type PauseSource } from "./types.js";

/** Minimum time between two plain status reads of one client, and the age after which a call refreshes the state. */
export const STATUS_INTERVAL_MS = 1000;
/** How long the server may hold a long-polling status read (it answers at once when the state changes). */
export const LONG_POLL_WAIT_S = 25;
/** The longest back-off between two failed status reads. */
export const MAX_BACKOFF_MS = 15_000;

/** `{agent_status, halted, paused_reason, pause_source, budget_status}`: the status read's `data`, or an ingest ack. */
export interface AgentStatusBody {
  agent_status?: string;
  halted?: boolean;
  paused_reason?: string | null;
  pause_source?: string | null;
  budget_status?: string | null;
}

/** What a status read sends besides the agent: long-poll parameters, and a signal that aborts it. */
export interface StatusReadOptions {
  /** Hold the answer up to this many seconds while the agent's state equals `known`. */
  waitS?: number;
  known?: "active" | "paused";
  signal?: AbortSignal;
}

interface State {
  paused: boolean;
  status: string;
  reason: string | null;
  source: PauseSource | null;
  budget: BudgetStatus | null;
  readAt: number;
}

export interface PauseMonitorOptions {
  /** GET /api/v1/controls/agent-status for this agent; resolves to its `data`, rejects with the typed error. */
  read: (agentId: string, options?: StatusReadOptions) => Promise<AgentStatusBody>;
  /** The agents with an open run, right now. */
  openAgents: () => Iterable<string>;
  onPause?: ((paused: boolean, reason: string | null) => void) | undefined;
  onBudgetStatus?: ((status: BudgetStatus, agentId: string) => void) | undefined;
  report: (error: AgentOpsError) => void;
  /** Monotonic milliseconds. */
  now: () => number;
}

const ACTIVE: AgentStatusBody = { agent_status: "active", halted: false };

/**
 * Knows whether each agent is paused and its budget state, as the Java SDK's PauseMonitor does. Sources: the ingest
 * acks, and `GET /api/v1/controls/agent-status`. While an agent has an open run, one long-poll per agent is held on
 * the server (`wait_s=25&known=<what we know>`): the server answers as soon as the agent is paused or resumed, on
 * whichever instance the control was taken, so the SDK learns of it within one round trip; the read is re-issued at
 * once. A read that comes back unchanged sooner than a second (a server without long-poll) waits out the second;
 * failures back off (1 s, 2 s, 4 s... up to 15 s, or the server's Retry-After). An SDK call refreshes the state with a
 * plain read only when no long-poll is held and what it knows is older than a second (at most one such read per
 * second, and only while the server answers, so no agent call waits on an unreachable server).
 */
export class PauseMonitor {
  private readonly states = new Map<string, State>();
  /** Long-poll loops by agent; aborting the controller ends the loop and its held request. */
  private readonly loops = new Map<string, AbortController>();
  /** Agents whose long-poll request is held on the server right now (their state is live). */
  private readonly held = new Set<string>();
  private lastRead = Number.NEGATIVE_INFINITY;
  private disabled = false;
  private reachable = true;
  private closed = false;

  constructor(private readonly options: PauseMonitorOptions) {}

  isPaused(agentId: string | undefined): boolean {
    return agentId !== undefined && (this.states.get(agentId)?.paused ?? false);
  }

  anyPaused(): boolean {
    return [...this.states.values()].some((s) => s.paused);
  }

  reason(agentId: string): string | null {
    return this.states.get(agentId)?.reason ?? null;
  }

  source(agentId: string): PauseSource | null {
    return this.states.get(agentId)?.source ?? null;
  }

  budgetStatus(agentId: string): BudgetStatus | null {
    return this.states.get(agentId)?.budget ?? null;
  }

  /** The worst budget state among the agents seen (for a client without a default agent). */
  worstBudgetStatus(): BudgetStatus | null {
    let worst: BudgetStatus | null = null;
    for (const state of this.states.values()) {
      if (state.budget && (worst === null || BUDGET_STATUSES.indexOf(state.budget) > BUDGET_STATUSES.indexOf(worst))) {
        worst = state.budget;
      }
    }
    return worst;
  }

  /** Called by SDK calls: reads the agent's status now when no long-poll is held and what we know is older than a second. */
  async refreshIfStale(agentId: string | undefined): Promise<void> {
    if (agentId === undefined || this.disabled || !this.reachable || !this.stale(agentId) || !this.acquire()) return;
    try {
      this.update(agentId, await this.options.read(agentId));
    } catch (error) {
      this.failed(agentId, error);
    }
  }

  update(agentId: string | undefined, status: AgentStatusBody | undefined | null): void {
    if (agentId === undefined || !status || typeof status.agent_status !== "string") return;
    const paused = status.agent_status === "paused" || status.halted === true;
    const reason = paused && typeof status.paused_reason === "string" ? status.paused_reason : null;
    const before = this.states.get(agentId);
    const source = !paused
      ? null
      : (PAUSE_SOURCES as readonly string[]).includes(status.pause_source ?? "")
        ? (status.pause_source as PauseSource)
        : !("pause_source" in status) && before?.paused
          ? before.source // ingest acks do not carry it: keep what the status read said
          : null;
    const budget = (BUDGET_STATUSES as readonly string[]).includes(status.budget_status ?? "")
      ? (status.budget_status as BudgetStatus)
      : (before?.budget ?? null);
    this.states.set(agentId, {
      paused,
      status: paused ? "paused" : status.agent_status,
      reason,
      source,
      budget,
      readAt: this.options.now(),
    });
    if ((before?.paused ?? false) !== paused && this.options.onPause) {
      try {
        this.options.onPause(paused, reason);
      } catch {
        // a broken listener must not stop the poller or the sender
      }
    }
    if (budget !== null && (before?.budget ?? "ok") !== budget && this.options.onBudgetStatus) {
      try {
        this.options.onBudgetStatus(budget, agentId);
      } catch {
        // same as above
      }
    }
  }

  /** Starts a long-poll for every agent with an open run that has none; each ends when its agent's runs end. */
  start(): void {
    if (this.closed || this.disabled) return;
    for (const agentId of new Set(this.options.openAgents())) {
      if (!this.loops.has(agentId)) {
        const controller = new AbortController();
        this.loops.set(agentId, controller);
        void this.loop(agentId, controller.signal).finally(() => {
          if (this.loops.get(agentId) === controller) this.loops.delete(agentId);
        });
      }
    }
  }

  /** Runs ended: ends the long-polls of agents without an open run (so that a finished script can exit). */
  sync(): void {
    const open = new Set(this.options.openAgents());
    for (const [agentId, controller] of this.loops) {
      if (!open.has(agentId)) {
        controller.abort();
        this.loops.delete(agentId);
      }
    }
  }

  close(): void {
    this.closed = true;
    for (const controller of this.loops.values()) controller.abort();
    this.loops.clear();
  }

  private async loop(agentId: string, signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!this.closed && !this.disabled && !signal.aborted && this.isOpen(agentId)) {
      const state = this.states.get(agentId);
      const known = state?.status;
      const canWait = known === "active" || known === "paused";
      if (!canWait && state && this.options.now() - state.readAt < STATUS_INTERVAL_MS) {
        // nothing to wait on (an agent the server does not know yet, archived...): plain reads, once a second
        await sleep(STATUS_INTERVAL_MS - (this.options.now() - state.readAt), signal);
        continue;
      }
      const started = this.options.now();
      let pause = 0;
      try {
        if (canWait) this.held.add(agentId);
        const status = await this.options.read(
          agentId,
          canWait ? { waitS: LONG_POLL_WAIT_S, known, signal } : { signal },
        );
        this.held.delete(agentId);
        failures = 0;
        this.reachable = true;
        this.update(agentId, status);
        const unchanged = this.states.get(agentId)?.status === known;
        if (!canWait || unchanged) pause = STATUS_INTERVAL_MS - (this.options.now() - started);
      } catch (error) {
        this.held.delete(agentId);
        if (signal.aborted) return;
        failures++;
        pause = this.failed(agentId, error, failures);
      }
      if (pause > 0) await sleep(pause, signal);
    }
  }

  /** Handles a failed read; returns how long the long-poll loop waits before the next one. */
  private failed(agentId: string, error: unknown, failures = 1): number {
    if (error instanceof NotFoundError) {
      // the server has not seen this agent yet, so nobody can have paused it (and no long-poll can wait on it)
      this.reachable = true;
      this.update(agentId, ACTIVE);
      this.states.get(agentId)!.status = "unknown";
      return STATUS_INTERVAL_MS;
    }
    if (error instanceof AuthenticationError || error instanceof PermissionError) {
      // this key may not read statuses: the ingest acks stay the only source
      if (!this.disabled) {
        this.disabled = true;
        this.options.report(error);
      }
      return 0;
    }
    // network error, 5xx, 429...: keep what we know and back off
    this.reachable = false;
    const backoff = Math.min(MAX_BACKOFF_MS, STATUS_INTERVAL_MS * 2 ** Math.min(failures - 1, 10));
    const retryAfter = error instanceof RateLimitError && error.retryAfter ? error.retryAfter * 1000 : 0;
    return Math.max(backoff, retryAfter);
  }

  private isOpen(agentId: string): boolean {
    for (const open of this.options.openAgents()) if (open === agentId) return true;
    return false;
  }

  private stale(agentId: string): boolean {
    if (this.held.has(agentId)) return false;
    const state = this.states.get(agentId);
    return !state || this.options.now() - state.readAt >= STATUS_INTERVAL_MS;
  }

  /** At most one plain status read per second from SDK calls. */
  private acquire(): boolean {
    const now = this.options.now();
    if (now - this.lastRead < STATUS_INTERVAL_MS) return false;
    this.lastRead = now;
    return true;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((ok) => {
    if (signal.aborted) return ok();
    const timer = setTimeout(done, ms);
    (timer as { unref?: () => void }).unref?.();
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      ok();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}
