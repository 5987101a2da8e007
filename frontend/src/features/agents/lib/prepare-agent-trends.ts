import type { AgentTrends } from '@/features/agents/api/get-agent-trends'
import { type Bucket, bucketOf, fillBuckets, type Share, toShares } from '@/lib/series'

export type AgentTrendRow = {
  bucket: number
  runs: number
  errors: number
  cost_usd: number
  latency_p50_ms: number | null
  latency_p95_ms: number | null
}

export type PreparedAgentTrends = {
  bucket: Bucket
  rows: AgentTrendRow[]
  /** Whether any bucket has a latency (else the latency chart says so instead of drawing nothing). */
  hasLatency: boolean
  costByModel: Share[]
  totalRuns: number
}

/**
 * The agent page's charts: every bucket of the range present, counts and costs 0 where nothing happened,
 * latency percentiles null there (a gap, never a zero).
 */
export function prepareAgentTrends(data: AgentTrends, fallbackRange: { from: string; to: string }): PreparedAgentTrends {
  const range = data.range?.from && data.range?.to ? data.range : { ...fallbackRange, bucket: data.range?.bucket }
  const bucket = bucketOf(range)
  const rows = fillBuckets(data.series ?? [], { from: range.from, to: range.to, bucket }, {
    zero: ['runs', 'errors', 'cost_usd'],
    gaps: ['latency_p50_ms', 'latency_p95_ms'],
  }) as AgentTrendRow[]
  return {
    bucket,
    rows,
    hasLatency: rows.some((row) => row.latency_p50_ms !== null || row.latency_p95_ms !== null),
    costByModel: toShares((data.cost_by_model ?? []).map((item) => ({ label: item.model || 'unknown model', value: item.cost_usd }))),
    totalRuns: rows.reduce((sum, row) => sum + row.runs, 0),
  }
}
