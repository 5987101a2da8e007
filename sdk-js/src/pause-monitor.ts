import { AgentOpsError, AuthenticationError, NotFoundError, PermissionError } from "./core/errors.js";
import { PAUSE_SOURCES, type PauseSource } from "./types.js";

/** Minimum time between two status reads of one client, and the age after which a call refreshes the state. */
export const STATUS_INTERVAL_MS = 1000;

/** `{agent_status, halted, paused_reason, pause_source}`: the status read's `data`, or an ingest ack. */
export interface AgentStatusBody {
  agent_status?: string;
  halted?: boolean;
  paused_reason?: string | null;
  pause_source?: string | null;
}

interface State {
  paused: boolean;
  reason: string | null;
  source: PauseSource | null;
  readAt: number;
}

export interface PauseMonitorOptions {
  /** GET /api/v1/controls/agent-status for this agent; resolves to its `data`, rejects with the typed error. */
  read: (agentId: string) => Promise<AgentStatusBody>;
  /** The agents with an open run, right now. */
  openAgents: () => Iterable<string>;
  onPause?: ((paused: boolean, reason: string | null) => void) | undefined;
  report: (error: AgentOpsError) => void;
  /** Monotonic milliseconds. */
  now: () => number;
}

const ACTIVE: AgentStatusBody = { agent_status: "active", halted: false };

/**
 * Knows whether each agent is paused, as the Java SDK's PauseMonitor does. Sources: the ingest acks, and
 * `GET /api/v1/controls/agent-status`, read at most once per second per client by whichever comes first: the poller
 * (a timer that runs only while a run is open and reads the agent whose state is oldest) or an SDK call finding its
 * agent's state older than a second (and only while the server answers: when it does not, the poller alone retries,
 * so no agent call waits on an unreachable server).
 */
export class PauseMonitor {
  private readonly states = new Map<string, State>();
  private lastRead = Number.NEGATIVE_INFINITY;
  private disabled = false;
  private reachable = true;
  private closed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

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

  /** Called by SDK calls: reads the agent's status now when what we know is older than a second. */
  async refreshIfStale(agentId: string | undefined): Promise<void> {
    if (agentId === undefined || this.disabled || !this.reachable || !this.stale(agentId) || !this.acquire()) return;
    await this.read(agentId);
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
    this.states.set(agentId, { paused, reason, source, readAt: this.options.now() });
    if ((before?.paused ?? false) !== paused && this.options.onPause) {
      try {
        this.options.onPause(paused, reason);
      } catch {
        // a broken listener must not stop the poller or the sender
      }
    }
  }

  /** Starts the poller if it is not running; it stops by itself when no run is open. */
  start(): void {
    if (this.timer || this.closed || this.disabled) return;
    this.schedule(Math.max(0, this.lastRead + STATUS_INTERVAL_MS - this.options.now()));
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(delay: number): void {
    this.timer = setTimeout(() => void this.tick(), delay);
    (this.timer as { unref?: () => void }).unref?.();
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    const agents = [...this.options.openAgents()];
    if (this.closed || this.disabled || agents.length === 0) return;
    const wait = this.lastRead + STATUS_INTERVAL_MS - this.options.now();
    if (wait <= 0 && this.acquire()) await this.read(this.stalest(agents));
    if (!this.closed && !this.timer) {
      this.schedule(Math.max(10, this.lastRead + STATUS_INTERVAL_MS - this.options.now()));
    }
  }

  private stale(agentId: string): boolean {
    const state = this.states.get(agentId);
    return !state || this.options.now() - state.readAt >= STATUS_INTERVAL_MS;
  }

  /** At most one status read per second, whoever asks. */
  private acquire(): boolean {
    const now = this.options.now();
    if (now - this.lastRead < STATUS_INTERVAL_MS) return false;
    this.lastRead = now;
    return true;
  }

  private stalest(agents: string[]): string {
    let oldest = agents[0]!;
    let oldestAt = Number.POSITIVE_INFINITY;
    for (const agent of agents) {
      const at = this.states.get(agent)?.readAt ?? Number.NEGATIVE_INFINITY;
      if (at < oldestAt) {
        oldest = agent;
        oldestAt = at;
      }
    }
    return oldest;
  }

  private async read(agentId: string): Promise<void> {
    try {
      const status = await this.options.read(agentId);
      this.reachable = true;
      this.update(agentId, status);
    } catch (error) {
      if (error instanceof NotFoundError) {
        // the server has not seen this agent yet, so nobody can have paused it
        this.reachable = true;
        this.update(agentId, ACTIVE);
      } else if (error instanceof AuthenticationError || error instanceof PermissionError) {
        // this key may not read statuses: the ingest acks stay the only source
        if (!this.disabled) {
          this.disabled = true;
          this.options.report(error);
        }
      } else {
        // network error, 5xx, 429...: keep what we know; the poller tries again in a second
        this.reachable = false;
      }
    }
  }
}
