import { describe, expect, it } from 'vitest'
import type { RunEvent } from '@/features/runs/api/get-run'
import { eventTitle, isErrorEvent, prepareTimeline } from '@/features/runs/lib/timeline'

const event = (overrides: Partial<RunEvent>): RunEvent => ({
  id: overrides.event_id ?? 'e',
  event_id: 'e',
  event_type: 'custom',
  timestamp: '2026-03-01T10:00:00Z',
  duration_ms: null,
  payload: {},
  model: null,
  input_tokens: 0,
  output_tokens: 0,
  cache_read_tokens: 0,
  cache_write_tokens: 0,
  reasoning_tokens: 0,
  cost_usd: null,
  cost_source: 'unpriced',
  cost_breakdown: null,
  usage_unrecognized_keys: [],
  ...overrides,
})

const run = { start_time: '2026-03-01T10:00:00Z', end_time: '2026-03-01T10:00:10Z', status: 'completed' as const, error: null }

describe('prepareTimeline', () => {
  it('orders events by time, keeping the API order for ties', () => {
    const timeline = prepareTimeline(run, [
      event({ event_id: 'c', timestamp: '2026-03-01T10:00:05Z' }),
      event({ event_id: 'a', timestamp: '2026-03-01T10:00:01Z' }),
      event({ event_id: 'b', timestamp: '2026-03-01T10:00:01Z' }),
    ])
    expect(timeline.items.map((i) => [i.event.event_id, i.index, i.offsetMs])).toEqual([
      ['a', 0, 1_000],
      ['b', 1, 1_000],
      ['c', 2, 5_000],
    ])
  })

  it('places bars on the run span', () => {
    const timeline = prepareTimeline(run, [event({ timestamp: '2026-03-01T10:00:02Z', duration_ms: 5_000 })])
    expect(timeline.spanMs).toBe(10_000)
    expect(timeline.items[0]).toMatchObject({ startPct: 20, widthPct: 50 })
    expect(timeline.end).toEqual({ offsetMs: 10_000, status: 'completed', error: null })
  })

  it('gives instant events a visible sliver and keeps bars inside the span', () => {
    const timeline = prepareTimeline(run, [
      event({ event_id: 'a', timestamp: '2026-03-01T10:00:03Z', duration_ms: 0 }),
      event({ event_id: 'b', timestamp: '2026-03-01T10:00:09Z', duration_ms: 60_000 }),
    ])
    expect(timeline.items[0].widthPct).toBe(0.75)
    const b = timeline.items[1]
    expect(b.startPct + b.widthPct).toBeLessThanOrEqual(100)
  })

  it('starts at the first event when it came before the recorded start', () => {
    const timeline = prepareTimeline(run, [event({ timestamp: '2026-03-01T09:59:59Z' })])
    expect(timeline.items[0].offsetMs).toBe(0)
    expect(timeline.end?.offsetMs).toBe(11_000)
  })

  it('accumulates cost and counts errors, including a failed run without an error event', () => {
    const timeline = prepareTimeline({ ...run, status: 'failed', error: 'timeout' }, [
      event({ event_id: 'a', cost_usd: 0.001, timestamp: '2026-03-01T10:00:01Z' }),
      event({ event_id: 'b', cost_usd: 0.002, timestamp: '2026-03-01T10:00:02Z' }),
    ])
    expect(timeline.items.map((i) => i.cumulativeCostUsd)).toEqual([0.001, 0.003])
    expect(timeline.errorCount).toBe(1)
    expect(timeline.end).toMatchObject({ status: 'failed', error: 'timeout' })
  })

  it('has no end marker while the run is still running', () => {
    expect(prepareTimeline({ ...run, end_time: null, status: 'running' }, []).end).toBeNull()
  })

  it('copes with a run without events', () => {
    const timeline = prepareTimeline(run, [])
    expect(timeline.items).toEqual([])
    expect(timeline.spanMs).toBe(10_000)
  })
})

describe('events', () => {
  it('are errors when typed so or when their payload says so', () => {
    expect(isErrorEvent({ event_type: 'error', payload: null })).toBe(true)
    expect(isErrorEvent({ event_type: 'tool_call', payload: { error: 'boom' } })).toBe(true)
    expect(isErrorEvent({ event_type: 'tool_call', payload: { status: 'FAILED' } })).toBe(true)
    expect(isErrorEvent({ event_type: 'tool_call', payload: { error: null, status: 'ok' } })).toBe(false)
  })

  it('are titled by what they did', () => {
    expect(eventTitle({ event_type: 'tool_call', payload: { tool: 'search', query: 'x' }, model: null })).toBe('search')
    expect(eventTitle({ event_type: 'llm_call', payload: {}, model: 'gpt-4o' })).toBe('gpt-4o')
    expect(eventTitle({ event_type: 'error', payload: { error: { message: 'rate limited' } }, model: null })).toBe('rate limited')
    expect(eventTitle({ event_type: 'external_action', payload: null, model: null })).toBe('external action')
  })

  it('names the tool of a tool call in the canonical shape and in the old one', () => {
    const title = (payload: unknown) => eventTitle({ event_type: 'tool_call', payload, model: null })
    expect(title({ tool_name: 'search_docs', input: { q: 'refunds' }, output: { hits: 3 }, error: null })).toBe('search_docs')
    expect(title({ tool_name: 'search_docs', input: {}, output: null, error: 'timeout' })).toBe('search_docs failed: timeout')
    expect(title({ tool: 'search_docs', args: {} })).toBe('search_docs')
  })

  it('names the action and its target of an external action in the canonical shape and in the old one', () => {
    const title = (payload: unknown) => eventTitle({ event_type: 'external_action', payload, model: null })
    expect(title({ action_type: 'send_email', target: 'ana@example.com', payload: { subject: 'Hi' }, approval_id: null })).toBe(
      'send_email → ana@example.com',
    )
    expect(title({ action: 'refund', target: 'order 42', details: { amount: 10 } })).toBe('refund → order 42')
    expect(title({ action_type: 'deploy' })).toBe('deploy')
  })

  it('says the decision and its reasons of a policy check', () => {
    expect(
      eventTitle({
        event_type: 'policy_check',
        payload: { action_type: 'refund', decision: 'require_approval', reasons: ['amount over 1000', 'new customer'] },
        model: null,
      }),
    ).toBe('Policy held refund for approval (amount over 1000; new customer)')
    expect(eventTitle({ event_type: 'policy_check', payload: { action_type: 'refund', decision: 'allow', reasons: [] }, model: null })).toBe(
      'Policy allowed refund',
    )
    expect(
      eventTitle({ event_type: 'policy_check', payload: { action_type: 'refund', decision: 'block', reasons: ['agent_paused: paused by ana'] }, model: null }),
    ).toBe('Policy blocked refund (agent_paused: paused by ana)')
  })

  it('says what an approval was asked for and who decided it', () => {
    expect(eventTitle({ event_type: 'approval_requested', payload: { approval_id: 'a1', action_type: 'refund' }, model: null })).toBe(
      'Approval requested for refund',
    )
    expect(
      eventTitle({ event_type: 'approval_decided', payload: { approval_id: 'a1', decision: 'approved', decided_by: 'ana@example.com' }, model: null }),
    ).toBe('Approval approved by ana@example.com')
    expect(eventTitle({ event_type: 'approval_decided', payload: { approval_id: 'a1', decision: 'rejected' }, model: null })).toBe(
      'Approval rejected',
    )
    expect(
      eventTitle({
        event_type: 'approval_decided',
        payload: { approval_id: 'a1', decision: 'rejected', decided_by: '3f2a9c1e-1111-4222-8333-444455556666', comment: 'too generous' },
        model: null,
      }),
    ).toBe('Approval rejected by user 3f2a9c1e: “too generous”')
    expect(eventTitle({ event_type: 'approval_decided', payload: { approval_id: 'a1', decision: 'expired', decided_by: null }, model: null })).toBe(
      'Approval expired: nobody decided in time',
    )
  })
})
