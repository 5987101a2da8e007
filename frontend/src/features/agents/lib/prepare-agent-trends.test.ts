import { describe, expect, it } from 'vitest'
import { prepareAgentTrends } from '@/features/agents/lib/prepare-agent-trends'

const range = { from: '2026-03-01T00:00:00Z', to: '2026-03-01T03:30:00Z', bucket: 'hour' }

describe('prepareAgentTrends', () => {
  it('fills every hour: zero runs and cost, gaps for latency', () => {
    const prepared = prepareAgentTrends(
      {
        range,
        kpis: {},
        series: [{ bucket: '2026-03-01T01:00:00Z', runs: 3, errors: 1, cost_usd: 0.02, latency_p50_ms: 800, latency_p95_ms: 1900 }],
        cost_by_model: [],
      },
      range,
    )
    expect(prepared.bucket).toBe('hour')
    expect(prepared.rows.map((r) => [r.runs, r.errors, r.cost_usd, r.latency_p50_ms, r.latency_p95_ms])).toEqual([
      [0, 0, 0, null, null],
      [3, 1, 0.02, 800, 1900],
      [0, 0, 0, null, null],
      [0, 0, 0, null, null],
    ])
    expect(prepared.hasLatency).toBe(true)
    expect(prepared.totalRuns).toBe(3)
  })

  it('says when there is no latency at all', () => {
    const prepared = prepareAgentTrends({ range, kpis: {}, series: [], cost_by_model: [] }, range)
    expect(prepared.hasLatency).toBe(false)
    expect(prepared.totalRuns).toBe(0)
  })

  it('names runs without a model in the cost split and drops free models', () => {
    const prepared = prepareAgentTrends(
      { range, kpis: {}, series: [], cost_by_model: [{ model: null, cost_usd: 1 }, { model: 'gpt-4o', cost_usd: 3 }, { model: 'local', cost_usd: 0 }] },
      range,
    )
    expect(prepared.costByModel.map((s) => s.label)).toEqual(['gpt-4o', 'unknown model'])
  })

  it('uses the requested window when the answer has no range', () => {
    const prepared = prepareAgentTrends({ kpis: {}, series: [], cost_by_model: [] }, { from: '2026-03-01T00:00:00Z', to: '2026-03-08T00:00:00Z' })
    expect(prepared.bucket).toBe('day')
    expect(prepared.rows).toHaveLength(8)
  })
})
