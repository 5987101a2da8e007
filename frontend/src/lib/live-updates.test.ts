import type { QueryKey } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { ApiError } from '@/lib/http'
import { backoffMs, type EventSourceLike, keysForEvent, LiveUpdates, type LiveState } from '@/lib/live-updates'

class FakeSource implements EventSourceLike {
  readyState = 0
  onopen: ((event: Event) => void) | null = null
  onerror: ((event: Event) => void) | null = null
  closed = false
  listeners = new Map<string, (event: MessageEvent) => void>()
  constructor(readonly ticket: string) {}
  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(type, listener)
  }
  close() {
    this.closed = true
  }
  open() {
    this.onopen?.(new Event('open'))
  }
  fail() {
    this.onerror?.(new Event('error'))
  }
  emit(type: string, data: unknown) {
    this.listeners.get(type)?.({ data: JSON.stringify(data) } as MessageEvent)
  }
}

/** A LiveUpdates with a fake clock, fake tickets and fake streams. */
function harness(tickets: Array<string | ApiError>) {
  let now = 0
  const timers: Array<{ at: number; fn: () => void; id: number }> = []
  let nextId = 1
  const sources: FakeSource[] = []
  const invalidated: QueryKey[][] = []
  const states: LiveState[] = []
  let ticketCalls = 0
  const live = new LiveUpdates({
    getTicket: async () => {
      const next = tickets[Math.min(ticketCalls++, tickets.length - 1)]
      if (next instanceof ApiError) throw next
      return next
    },
    openStream: (ticket) => {
      const source = new FakeSource(ticket)
      sources.push(source)
      return source
    },
    invalidate: (keys) => invalidated.push(keys),
    onState: (state) => states.push(state),
    random: () => 1,
    now: () => now,
    setTimer: (fn, ms) => {
      const id = nextId++
      timers.push({ at: now + ms, fn, id })
      return id
    },
    clearTimer: (id) => {
      const index = timers.findIndex((t) => t.id === id)
      if (index >= 0) timers.splice(index, 1)
    },
  })
  /** Moves the clock forward, running due timers (and the promises they start). */
  const advance = async (ms: number) => {
    const until = now + ms
    for (;;) {
      await Promise.resolve()
      await Promise.resolve()
      timers.sort((a, b) => a.at - b.at)
      const due = timers[0]
      if (!due || due.at > until) break
      timers.shift()
      now = due.at
      due.fn()
    }
    now = until
    await Promise.resolve()
    await Promise.resolve()
  }
  return { live, sources, invalidated, states, advance, ticketCalls: () => ticketCalls, pendingTimers: () => timers.length }
}

const notFound = new ApiError({ status: 404, code: 'not_found', message: 'Not found.' })
const unavailable = new ApiError({ status: 503, code: 'unavailable', message: 'down' })

describe('keysForEvent', () => {
  it('refreshes run lists, dashboards and agent stats when a run arrives', () => {
    expect(keysForEvent('run.created', { id: 'r1', agent_id: 'a1' })).toEqual([['runs', 'list'], ['dashboard'], ['agents']])
  })

  it('refreshes the run page of an updated run', () => {
    expect(keysForEvent('run.updated', { id: 'r1' })).toContainEqual(['runs', 'detail', 'r1'])
  })

  it('refreshes agents and dashboards when an agent changes', () => {
    expect(keysForEvent('agent.updated', { id: 'a1' })).toEqual([['agents'], ['dashboard'], ['runs', 'list'], ['controls']])
    expect(keysForEvent('org.halted', {})).toEqual([['controls'], ['agents'], ['dashboard']])
    expect(keysForEvent('org.released', {})).toEqual([['controls'], ['agents'], ['dashboard']])
    // the bell's count refreshes the moment a notification is created, and the budget it is about
    expect(keysForEvent('notification.created', { id: 'n1' })).toEqual([['notifications'], ['budgets'], ['agents'], ['controls']])
    expect(keysForEvent('approval.requested', { id: 'a1' })).toEqual([['approvals'], ['runs']])
    expect(keysForEvent('approval.decided', { id: 'a1' })).toEqual([['approvals'], ['runs']])
  })
})

describe('backoffMs', () => {
  it('doubles from 1 s up to 30 s, with jitter between half and all of it', () => {
    expect([0, 1, 2, 5, 9].map((n) => backoffMs(n, 1))).toEqual([1_000, 2_000, 4_000, 30_000, 30_000])
    expect(backoffMs(0, 0)).toBe(500)
  })
})

describe('LiveUpdates', () => {
  it('opens the stream with a ticket and invalidates queries for its events, batched', async () => {
    const h = harness(['t1'])
    h.live.start()
    await h.advance(0)
    expect(h.sources.map((s) => s.ticket)).toEqual(['t1'])
    h.sources[0].open()
    expect(h.live.state).toBe('live')
    h.sources[0].emit('run.created', { id: 'r1', agent_id: 'a1', organization_id: 'o1' })
    h.sources[0].emit('run.created', { id: 'r2', agent_id: 'a1', organization_id: 'o1' })
    expect(h.invalidated).toEqual([])
    await h.advance(300)
    expect(h.invalidated).toEqual([[['runs', 'list'], ['dashboard'], ['agents']]])
  })

  it('reconnects with a fresh ticket after an error, backing off', async () => {
    const h = harness(['t1', 't2', 't3'])
    h.live.start()
    await h.advance(0)
    h.sources[0].fail()
    expect(h.sources[0].closed).toBe(true)
    expect(h.live.state).toBe('retrying')
    await h.advance(999)
    expect(h.sources).toHaveLength(1)
    await h.advance(1)
    expect(h.sources.map((s) => s.ticket)).toEqual(['t1', 't2'])
    h.sources[1].fail()
    await h.advance(1_999)
    expect(h.sources).toHaveLength(2)
    await h.advance(1)
    expect(h.sources.map((s) => s.ticket)).toEqual(['t1', 't2', 't3'])
  })

  it('refetches everything once after a reconnect, since events may have been missed', async () => {
    const h = harness(['t1', 't2'])
    h.live.start()
    await h.advance(0)
    h.sources[0].open()
    h.sources[0].fail()
    await h.advance(1_000)
    h.sources[1].open()
    await h.advance(300)
    expect(h.invalidated).toEqual([[['agents'], ['runs'], ['dashboard'], ['controls'], ['notifications'], ['budgets'], ['approvals']]])
  })

  it('retries a failing ticket request with backoff, silently', async () => {
    const h = harness([unavailable, 't2'])
    h.live.start()
    await h.advance(0)
    expect(h.live.state).toBe('retrying')
    await h.advance(1_000)
    expect(h.sources.map((s) => s.ticket)).toEqual(['t2'])
  })

  it('waits minutes before asking again while the stream endpoints do not exist', async () => {
    const h = harness([notFound, 't2'])
    h.live.start()
    await h.advance(0)
    expect(h.live.state).toBe('unavailable')
    await h.advance(60_000)
    expect(h.ticketCalls()).toBe(1)
    await h.advance(5 * 60_000)
    expect(h.ticketCalls()).toBe(2)
    expect(h.sources).toHaveLength(1)
  })

  it('ignores events with unreadable data but still refreshes lists', async () => {
    const h = harness(['t1'])
    h.live.start()
    await h.advance(0)
    h.sources[0].listeners.get('run.updated')?.({ data: 'not json' } as MessageEvent)
    await h.advance(300)
    expect(h.invalidated).toEqual([[['runs', 'list'], ['dashboard'], ['agents']]])
  })

  it('stops cleanly: closes the stream and schedules nothing more', async () => {
    const h = harness(['t1'])
    h.live.start()
    await h.advance(0)
    h.sources[0].emit('agent.updated', { id: 'a1' })
    h.live.stop()
    expect(h.sources[0].closed).toBe(true)
    expect(h.pendingTimers()).toBe(0)
    await h.advance(10_000)
    expect(h.invalidated).toEqual([])
    expect(h.states.at(-1)).toBe('stopped')
  })
})
