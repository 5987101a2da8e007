import { type QueryKey, useQueryClient } from '@tanstack/react-query'
import { useEffect, useSyncExternalStore } from 'react'
import { api, dataOf } from '@/lib/api-client'
import { API_BASE_URL, ApiError } from '@/lib/http'
import { agentKeys, approvalKeys, budgetKeys, controlKeys, dashboardKeys, notificationKeys, runKeys } from '@/lib/query-keys'

/**
 * Live updates: `POST /stream/ticket` gives a single-use ticket, `GET /stream?ticket=` streams server-sent events
 * (`run.created`, `run.updated`, `agent.updated`, `org.halted`, `org.released`, `notification.created`), and each event invalidates the queries it makes stale, so open
 * pages refetch. A stream that fails is reopened with a fresh ticket (the old one is used up), with backoff and
 * jitter. Nothing here ever surfaces an error: without the stream the pages work as before, only not live.
 */

export const STREAM_EVENTS = ['run.created', 'run.updated', 'agent.updated', 'org.halted', 'org.released', 'notification.created', 'approval.requested', 'approval.decided'] as const
export type StreamEventType = (typeof STREAM_EVENTS)[number]

/** The part of an event's data that matters here (the rest of the object is ignored). */
export type StreamEventData = { id?: string; agent_id?: string; organization_id?: string }

/** The queries an event makes stale. Lists and dashboards by prefix; a run's page by its id. */
export function keysForEvent(type: StreamEventType, data: StreamEventData): QueryKey[] {
  switch (type) {
    case 'run.created':
      return [runKeys.lists(), dashboardKeys.all, agentKeys.all]
    case 'run.updated':
      return [...(data.id ? [runKeys.detail(data.id)] : []), runKeys.lists(), dashboardKeys.all, agentKeys.all]
    case 'agent.updated':
      return [agentKeys.all, dashboardKeys.all, runKeys.lists(), controlKeys.all]
    case 'org.halted':
    case 'org.released':
      // the banner of every page, and every agent's status
      return [controlKeys.all, agentKeys.all, dashboardKeys.all]
    case 'notification.created':
      // the bell's count and list; a budget alert also means the budget's state (and maybe paused agents) moved
      return [notificationKeys.all, budgetKeys.all, agentKeys.all, controlKeys.all]
    case 'approval.requested':
    case 'approval.decided':
      // the queue and the history; a request or a decision is also an event on its run, whose page is keyed by
      // the run's UUID while the event names the client's run id: every run query, by prefix
      return [approvalKeys.all, runKeys.all]
  }
}

/** Everything live updates keep fresh: refetched after a reconnect, since events may have been missed. */
export const ALL_LIVE_KEYS: QueryKey[] = [agentKeys.all, runKeys.all, dashboardKeys.all, controlKeys.all, notificationKeys.all, budgetKeys.all, approvalKeys.all]

export type LiveState = 'idle' | 'connecting' | 'live' | 'retrying' | 'unavailable' | 'stopped'

/** The parts of EventSource that are used (a fake in tests). */
export type EventSourceLike = {
  readyState: number
  onopen: ((event: Event) => void) | null
  onerror: ((event: Event) => void) | null
  addEventListener(type: string, listener: (event: MessageEvent) => void): void
  close(): void
}

export type LiveUpdatesDeps = {
  getTicket(): Promise<string>
  openStream(ticket: string): EventSourceLike
  invalidate(keys: QueryKey[]): void
  onState?(state: LiveState): void
  random?: () => number
  now?: () => number
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (handle: unknown) => void
}

/** Delay before reconnect attempt `attempt` (0-based): 1 s doubling to 30 s, with jitter (50–100 %). */
export function backoffMs(attempt: number, random: number): number {
  const base = Math.min(30_000, 1_000 * 2 ** Math.min(attempt, 10))
  return Math.round(base * (0.5 + random * 0.5))
}

/** Endpoints that are not there (yet): try again much later instead of every 30 s. */
const ABSENT_RETRY_MS = 5 * 60_000
/** Invalidations are batched: at most one refetch wave per this interval, however busy the stream. */
const FLUSH_INTERVAL_MS = 1_500
/** A connection that stayed open this long was healthy: the next failure starts the backoff over. */
const HEALTHY_MS = 10_000

export class LiveUpdates {
  private readonly deps: Required<Omit<LiveUpdatesDeps, 'onState'>> & Pick<LiveUpdatesDeps, 'onState'>
  private source: EventSourceLike | null = null
  private retryTimer: unknown = null
  private flushTimer: unknown = null
  private pending = new Map<string, QueryKey>()
  private lastFlush = -Infinity
  private attempt = 0
  private openedAt: number | null = null
  private wasOpen = false
  private stopped = false
  state: LiveState = 'idle'

  constructor(deps: LiveUpdatesDeps) {
    this.deps = {
      random: Math.random,
      now: Date.now,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      ...deps,
    }
  }

  start(): void {
    this.stopped = false
    void this.connect()
  }

  stop(): void {
    this.stopped = true
    this.closeSource()
    if (this.retryTimer !== null) this.deps.clearTimer(this.retryTimer)
    if (this.flushTimer !== null) this.deps.clearTimer(this.flushTimer)
    this.retryTimer = this.flushTimer = null
    this.pending.clear()
    this.setState('stopped')
  }

  private setState(state: LiveState) {
    this.state = state
    this.deps.onState?.(state)
  }

  private async connect(): Promise<void> {
    if (this.stopped) return
    this.setState('connecting')
    let ticket: string
    try {
      ticket = await this.deps.getTicket()
    } catch (error) {
      if (this.stopped) return
      if (error instanceof ApiError && [401, 403].includes(error.status)) {
        // signed out or not allowed: nothing to retry until the session changes (the hook restarts then)
        this.setState('unavailable')
        return
      }
      if (error instanceof ApiError && [404, 405, 501].includes(error.status)) {
        this.setState('unavailable')
        this.schedule(ABSENT_RETRY_MS)
        return
      }
      this.retry()
      return
    }
    if (this.stopped) return
    let source: EventSourceLike
    try {
      source = this.deps.openStream(ticket)
    } catch {
      this.retry()
      return
    }
    this.source = source
    source.onopen = () => {
      if (this.source !== source) return
      this.openedAt = this.deps.now()
      this.setState('live')
      // events sent while we were away are lost: refetch what is on screen once
      if (this.wasOpen) this.enqueue(ALL_LIVE_KEYS)
      this.wasOpen = true
    }
    source.onerror = () => {
      if (this.source !== source) return
      // the browser would reconnect with the same ticket, which is used up: take a fresh one instead
      this.closeSource()
      this.retry()
    }
    for (const type of STREAM_EVENTS) {
      source.addEventListener(type, (event) => {
        if (this.source !== source) return
        this.enqueue(keysForEvent(type, parseData(event.data)))
      })
    }
  }

  private retry() {
    if (this.stopped) return
    if (this.openedAt !== null && this.deps.now() - this.openedAt >= HEALTHY_MS) this.attempt = 0
    this.openedAt = null
    this.setState('retrying')
    this.schedule(backoffMs(this.attempt++, this.deps.random()))
  }

  private schedule(ms: number) {
    if (this.retryTimer !== null) this.deps.clearTimer(this.retryTimer)
    this.retryTimer = this.deps.setTimer(() => {
      this.retryTimer = null
      void this.connect()
    }, ms)
  }

  private closeSource() {
    if (!this.source) return
    const source = this.source
    this.source = null
    source.onopen = source.onerror = null
    source.close()
  }

  private enqueue(keys: QueryKey[]) {
    for (const key of keys) this.pending.set(JSON.stringify(key), key)
    if (this.flushTimer !== null) return
    const wait = Math.max(200, this.lastFlush + FLUSH_INTERVAL_MS - this.deps.now())
    this.flushTimer = this.deps.setTimer(() => this.flush(), wait)
  }

  private flush() {
    this.flushTimer = null
    if (this.stopped || this.pending.size === 0) return
    this.lastFlush = this.deps.now()
    const keys = [...this.pending.values()]
    this.pending.clear()
    this.deps.invalidate(keys)
  }
}

function parseData(text: unknown): StreamEventData {
  if (typeof text !== 'string') return {}
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value !== 'object' || value === null) return {}
    const { id, agent_id, organization_id } = value as Record<string, unknown>
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined)
    return { id: str(id), agent_id: str(agent_id), organization_id: str(organization_id) }
  } catch {
    return {}
  }
}

// the one stream of the page, for the "Live" indicator
let currentState: LiveState = 'idle'
const listeners = new Set<() => void>()
const publish = (state: LiveState) => {
  currentState = state
  for (const listener of listeners) listener()
}

/** Whether the page is receiving live updates right now. */
export function useLiveState(): LiveState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => currentState,
  )
}

const streamUrl = (ticket: string) => `${API_BASE_URL}/api/v1/stream?ticket=${encodeURIComponent(ticket)}`

/** Keeps the signed-in app's queries fresh from the event stream while mounted. Use it once, in the app shell. */
export function useLiveUpdates(enabled = true): void {
  const queryClient = useQueryClient()
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return
    const live = new LiveUpdates({
      getTicket: () => dataOf(api.POST('/api/v1/stream/ticket')).then((ticket) => ticket.ticket),
      openStream: (ticket) => new EventSource(streamUrl(ticket)),
      invalidate: (keys) => {
        for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey })
      },
      onState: publish,
    })
    live.start()
    return () => live.stop()
  }, [enabled, queryClient])
}
