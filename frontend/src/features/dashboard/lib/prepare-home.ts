import type { AgentSummary } from '@/features/dashboard/api/get-agent-health'
import type { HomeDashboard, HomeKpis } from '@/features/dashboard/api/get-home-dashboard'
import type { TopMetric } from '@/features/dashboard/lib/params'
import { type Bucket, bucketOf, type Change, fillBuckets, formatChange, formatPointChange, percentChange, type Share, toShares } from '@/lib/series'

export type RunSeriesRow = { bucket: number; runs: number; errors: number; cost_usd: number }

/** Runs, errors and cost for every bucket of the range; buckets without runs are zeros. */
export function prepareRunSeries(data: Pick<HomeDashboard, 'range' | 'series'>): { bucket: Bucket; rows: RunSeriesRow[] } {
  const bucket = bucketOf(data.range)
  const rows = fillBuckets(data.series ?? [], { from: data.range.from, to: data.range.to, bucket }, { zero: ['runs', 'errors', 'cost_usd'] })
  return { bucket, rows }
}

/**
 * Top agents by a metric, largest first (ties by name), at most `limit`. By error rate, agents without runs
 * are left out: 0 % of nothing says nothing.
 */
export function prepareTopAgents(top: HomeDashboard['top_agents'], metric: TopMetric, limit = 10): Array<{ id: string; label: string; value: number }> {
  return (top ?? [])
    .filter((agent) => (metric === 'error_rate' ? agent.runs > 0 : true))
    .map((agent) => ({ id: agent.agent_id, label: agent.name || agent.agent_id, value: Number(agent[metric]) || 0 }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label))
    .slice(0, limit)
}

export type KpiCard = {
  key: keyof HomeKpis
  label: string
  value: number
  change: Change
  /** "+12.5% vs previous 24 hours" */
  changeText: string | null
  trend: 'up' | 'down' | 'flat'
  /** Whether the change is good news (more runs yes, more errors or cost no); undefined when flat. */
  good: boolean | undefined
}

const trendOf = (change: Change): KpiCard['trend'] =>
  change.kind === 'new' ? 'up' : change.kind === 'change' ? (change.ratio > 0 ? 'up' : 'down') : 'flat'

/** The four stat cards with their change against the previous period of the same length. */
export function prepareKpis(kpis: HomeDashboard['kpis'], periodLabel: string): KpiCard[] {
  const previous = kpis.previous
  const card = (key: keyof HomeKpis, label: string, upIsGood: boolean): KpiCard => {
    const change = percentChange(kpis[key], previous?.[key])
    const trend = trendOf(change)
    return {
      key,
      label,
      value: Number(kpis[key]) || 0,
      change,
      changeText: previous ? `${formatChange(change)} vs previous ${periodLabel}` : null,
      trend,
      good: trend === 'flat' ? undefined : (trend === 'up') === upIsGood,
    }
  }
  const errorRate = card('error_rate', 'Error rate', false)
  // a rate moves in percentage points: "+2.5 pp" says more than "+40%" of a small rate
  const diff = (kpis.error_rate ?? 0) - (previous?.error_rate ?? 0)
  const errorTrend: KpiCard['trend'] = Math.abs(diff) < 0.0005 ? 'flat' : diff > 0 ? 'up' : 'down'
  return [
    card('runs', 'Runs', true),
    {
      ...errorRate,
      changeText: previous ? `${formatPointChange(kpis.error_rate, previous.error_rate)} vs previous ${periodLabel}` : null,
      trend: errorTrend,
      good: errorTrend === 'flat' ? undefined : errorTrend === 'down',
    },
    card('cost_usd', 'Cost', false),
    card('active_agents', 'Active agents', true),
  ]
}

export type HealthCounts = { active: number; paused: number; error: number; total: number }

export function agentHealthCounts(agents: readonly Pick<AgentSummary, 'status'>[]): HealthCounts {
  const counts: HealthCounts = { active: 0, paused: 0, error: 0, total: 0 }
  for (const agent of agents) {
    if (agent.status === 'archived') continue
    counts.total++
    if (agent.status === 'active' || agent.status === 'paused' || agent.status === 'error') counts[agent.status]++
  }
  return counts
}

const REASONS: Record<string, string> = {
  error_rate: 'High error rate',
  paused: 'Paused',
  budget: 'Budget nearly or fully spent',
}

const REASON_ORDER = ['budget', 'error_rate', 'paused']

/** "Needs attention": names from the API, else from the agents list; the most urgent reasons first. */
export function prepareAttention(
  items: HomeDashboard['attention'],
  names: ReadonlyMap<string, string>,
): Array<{ key: string; agentId: string; name: string; reason: string; text: string; detail?: string }> {
  return (items ?? [])
    .map((item) => ({
      key: `${item.agent_id}:${item.reason}`,
      agentId: item.agent_id,
      name: item.name || names.get(item.agent_id) || `Agent ${item.agent_id.slice(0, 8)}`,
      reason: item.reason,
      text: REASONS[item.reason] ?? item.reason.replace(/_/g, ' '),
      detail: item.detail,
    }))
    .sort((a, b) => rank(a.reason) - rank(b.reason) || a.name.localeCompare(b.name))
}

const rank = (reason: string) => {
  const index = REASON_ORDER.indexOf(reason)
  return index < 0 ? REASON_ORDER.length : index
}

export function prepareCostShares(data: Pick<HomeDashboard, 'cost_by_model' | 'cost_by_agent'>): { byModel: Share[]; byAgent: Share[] } {
  return {
    byModel: toShares((data.cost_by_model ?? []).map((item) => ({ label: item.model || 'unknown model', value: item.cost_usd }))),
    byAgent: toShares((data.cost_by_agent ?? []).map((item) => ({ label: item.name || item.agent_id, value: item.cost_usd }))),
  }
}
